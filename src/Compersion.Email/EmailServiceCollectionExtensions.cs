using Compersion.Core.Sending;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compersion.Email;

/// <summary>Registers the mail adapters.</summary>
public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="MailOptions"/> and <see cref="SendGridOptions"/>, registers the <c>SendGrid</c> HTTP client with its
    /// retry policy, <see cref="SendGridEventWebhook"/>, and an <see cref="IMailSender"/>: SendGrid when <c>SendGrid:ApiKey</c>
    /// is set, otherwise the pickup directory <c>Mail:PickupDirectory</c>; with neither, start-up fails rather than losing mail.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The app configuration; read here only to choose the sender (options bind from the registered <see cref="IConfiguration"/>).</param>
    /// <remarks>
    /// An <see cref="IMailSender"/> or <see cref="TimeProvider"/> registered earlier is kept. Options are validated at start.
    /// </remarks>
    public static IServiceCollection AddCompersionEmail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SendGridOptions>().BindConfiguration(SendGridOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SendGridHttpPolicy>();
        services.TryAddSingleton<SendGridEventWebhook>();
        services.TryAddSingleton<Core.Inbound.IInboundMailReader, InboundMailReader>();

        services.AddHttpClient(SendGridMailSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddPolicyHandler((provider, _) => provider.GetRequiredService<SendGridHttpPolicy>().Policy);

        var apiKey = configuration[$"{SendGridOptions.SectionName}:{nameof(SendGridOptions.ApiKey)}"];
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            // Never fall back to a folder silently: a deployment missing its key must fail at start, not drop mail on disk.
            if (string.IsNullOrWhiteSpace(configuration[$"{MailOptions.SectionName}:{nameof(MailOptions.PickupDirectory)}"]))
            {
                throw new InvalidOperationException("No mail sender configured: set SendGrid__ApiKey, or Mail__PickupDirectory to write mail to a folder (local development).");
            }

            services.TryAddSingleton<IMailSender, PickupDirectoryMailSender>();
        }
        else
        {
            services.TryAddSingleton<IMailSender, SendGridMailSender>();
        }

        return services;
    }
}
