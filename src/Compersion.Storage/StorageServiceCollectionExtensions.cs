using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Compersion.Core.Digests;
using Compersion.Core.Inbound;
using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Core.Scheduling;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Compersion.Storage.Digests;
using Compersion.Storage.Inbound;
using Compersion.Storage.Journal;
using Compersion.Storage.Kindness;
using Compersion.Storage.Scheduling;
using Compersion.Storage.Sending;
using Compersion.Storage.Subscribers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Compersion.Storage;

/// <summary>Registers the storage adapters.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers Core's storage ports over Azure Tables and Queues, the service clients (with every registered
    /// <see cref="StorageRequestPolicy"/>) and a <see cref="StorageInitializer"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">
    /// Read for <c>AzureWebJobsStorage</c> (a connection string such as <c>UseDevelopmentStorage=true</c>,
    /// or an identity-based section with <c>accountName</c>) and the <see cref="StorageOptions.SectionName"/> section.
    /// </param>
    /// <returns>The same service collection.</returns>
    /// <remarks>
    /// The connection is read when the clients are first resolved, so a missing setting fails at start-up
    /// of whatever uses storage, with a message naming the setting. Nothing is created here: call
    /// <see cref="StorageInitializer.EnsureCreatedAsync"/> at start-up.
    /// </remarks>
    public static IServiceCollection AddCompersionStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider =>
            StorageClientFactory.CreateTableServiceClient(configuration, provider.GetServices<StorageRequestPolicy>()));
        services.TryAddSingleton(provider =>
            StorageClientFactory.CreateQueueServiceClient(configuration, provider.GetServices<StorageRequestPolicy>()));
        services.TryAddSingleton(provider =>
            StorageClientFactory.CreateBlobServiceClient(configuration, provider.GetServices<StorageRequestPolicy>()));

        services.AddSingleton(provider => new StorageTables(
            provider.GetRequiredService<TableServiceClient>(), provider.GetRequiredService<IOptions<StorageOptions>>()));
        services.AddSingleton(provider => new StorageInitializer(
            provider.GetRequiredService<StorageTables>(), provider.GetRequiredService<QueueServiceClient>(), provider.GetRequiredService<BlobServiceClient>(), provider.GetRequiredService<IOptions<StorageOptions>>()));

        services.AddSingleton<ISubscriberStore, TableSubscriberStore>();
        services.AddSingleton<IScheduleStore, TableScheduleStore>();
        services.AddSingleton<IJobQueue, OutboundQueue>();
        services.AddSingleton<IOutbox, TableOutbox>();
        services.AddSingleton<IdempotentAppender>();
        services.AddSingleton<IEntryStore, TableEntryStore>();
        services.AddSingleton<IActStore, TableActStore>();
        services.AddSingleton<ISubscriberJournal, TableSubscriberJournal>();
        // The pages' reads answer from memory while the subscriber's journal stamp is unchanged (JournalCache).
        services.AddSingleton<JournalCache>();
        services.AddSingleton<TableJournalReader>();
        services.AddSingleton<IJournalReader, CachedJournalReader>();
        services.AddSingleton<IJournalEditor, TableJournalEditor>();
        services.AddSingleton<IDigestLog, TableDigestLog>();
        services.AddSingleton(provider => new QueueReplay(provider.GetRequiredService<QueueServiceClient>()));
        services.AddSingleton<IInboundArchive, BlobInboundArchive>();
        services.AddSingleton<Photos.BlobPhotoStore>();
        services.AddSingleton<Core.Photos.IPhotoStore, Photos.CachedPhotoStore>();
        services.AddSingleton<IInboundQueue, InboundQueue>();
        services.AddSingleton<IInboundLedger, TableInboundLedger>();
        services.AddSingleton<IPostIndex, TablePostIndex>();
        services.AddSingleton<Core.Privacy.IPersonalDataStore, Privacy.TablePersonalDataStore>();
        services.AddSingleton<Core.Privacy.IFinishedRecords, Privacy.TableFinishedRecords>();
        return services;
    }
}
