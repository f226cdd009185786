using Compersion.Core.Access;
using Compersion.Core.Mail;
using Compersion.Core.Outbound;
using Compersion.Core.Scheduling;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Core.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compersion.Core;

/// <summary>Registers Core's use cases, composers and options: the one place Core's services are named.</summary>
public static class CoreServiceCollectionExtensions
{
    /// <summary>Adds the sign-up, dispatch and send use cases, the composers (prompt, digest, notes), the idea catalog and their options.</summary>
    public static IServiceCollection AddCompersionCore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DispatchOptions>().BindConfiguration(DispatchOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddCompersionPrompts();
        services.TryAddSingleton<SubscriptionService>();
        services.TryAddSingleton<Dispatcher>();
        services.TryAddSingleton<OutboundSender>();
        services.TryAddSingleton<SettingsService>();
        services.TryAddSingleton<Api.PersonalTokens>();
        services.TryAddSingleton<Api.EntriesApi>();
        services.TryAddSingleton<Export.ExportService>();
        services.TryAddSingleton<Export.ExportArchive>();
        services.TryAddSingleton<NoteComposer>();
        services.TryAddSingleton<DigestComposer>();

        // Read and validated here, so a catalog that does not validate stops the app at start-up, not at the first digest.
        services.TryAddSingleton(Kindness.IdeaCatalog.Shipped);
        services.TryAddSingleton<Inbound.InboundReceiver>();
        services.TryAddSingleton<Journal.JournalWriter>();
        services.TryAddSingleton<Inbound.ReplyAttribution>();
        services.TryAddSingleton<Commands.EmailCommands>();
        services.TryAddSingleton<Inbound.ReplyAnswers>();
        services.TryAddSingleton<Inbound.HeldMail>();
        services.TryAddSingleton<Inbound.UnknownSenderNote>();
        services.TryAddSingleton<Inbound.ReplyIngestor>();
        services.TryAddSingleton<Inbound.ReplyPhotos>();
        services.TryAddSingleton<Access.JournalPhotos>();
        services.TryAddSingleton<Inbound.ArchiveReparser>();
        services.TryAddSingleton<Inbound.SignUpByMail>();
        services.TryAddSingleton<FormTokens>();
        services.TryAddSingleton<SettingsAccessService>();
        services.TryAddSingleton<AddressChangeService>();
        services.TryAddSingleton<AddressMovedNotice>();
        services.TryAddSingleton<JournalAccessService>();
        services.TryAddSingleton<Journal.JournalCorrections>();
        services.TryAddSingleton<Journal.JournalUndo>();
        services.TryAddSingleton<Privacy.DeletionService>();
        services.TryAddSingleton<Privacy.RecordRetention>();
        services.TryAddSingleton<Import.ImportService>();
        return services;
    }

    /// <summary>
    /// Adds <see cref="TokenSigner"/>, <see cref="PromptComposer"/>, <see cref="ConfirmationComposer"/> and <see cref="WelcomeComposer"/>
    /// as singletons, and binds and validates <see cref="TokenOptions"/> and <see cref="MailOptions"/> at start-up (part of <see cref="AddCompersionCore"/>).
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
