using Compersion.Core.Mail;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compersion.Core;

/// <summary>Registers the prompt and confirmation composers.</summary>
public static class PromptServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="TokenSigner"/>, <see cref="PromptComposer"/> and <see cref="ConfirmationComposer"/>
    /// as singletons, and binds and validates <see cref="TokenOptions"/> and <see cref="MailOptions"/> at start-up.
    /// </summary>
    /// <remarks>Calling it more than once registers everything once.</remarks>
    public static IServiceCollection AddCompersionPrompts(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(descriptor => descriptor.ServiceType == typeof(PromptComposer)))
        {
            return services;
        }

        services.AddOptions<TokenOptions>().BindConfiguration(TokenOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<TokenSigner>();
        services.TryAddSingleton<PromptComposer>();
        services.TryAddSingleton<ConfirmationComposer>();
        services.TryAddSingleton<WelcomeComposer>();
        return services;
    }
}
