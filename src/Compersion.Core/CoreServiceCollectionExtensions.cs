using Compersion.Core.Access;
using Compersion.Core.Outbound;
using Compersion.Core.Scheduling;
using Compersion.Core.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compersion.Core;

/// <summary>Registers Core's use cases.</summary>
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
        services.TryAddSingleton<Mail.NoteComposer>();
        services.TryAddSingleton<Mail.DigestComposer>();

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
        services.TryAddSingleton<Security.FormTokens>();
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
}
