using Azure.Storage.Blobs;
using Compersion.Core.Privacy;
using Compersion.Core.Subscribers;
using Compersion.Storage.Inbound;
using Compersion.Storage.Subscribers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Compersion.Storage.Privacy;

/// <summary>Removes one subscriber's rows and blobs: their partitions in <c>subscribers</c>, <c>outbox</c> and <c>subscriberposts</c>, the posts and ledger rows that index names, the address index row.</summary>
/// <remarks>
/// Every step skips what is already gone, so a deletion interrupted at any point can run again and finish. Deleting the
/// journal's rows deletes its <see cref="Journal.JournalStamp"/> row with them (no stamp: nothing is answered from memory),
/// so these deletes are the one write to a subscribers shard that does not go through <see cref="Journal.JournalStamp.SubmitAsync"/>.
/// </remarks>
internal sealed partial class TablePersonalDataStore(
    StorageTables tables,
    BlobServiceClient blobs,
    IOptions<StorageOptions> options,
    ILogger<TablePersonalDataStore> logger) : IPersonalDataStore
{
    // A table transaction holds at most 100 operations, all in one partition.
    private const int BatchSize = 100;

    private readonly BlobContainerClient archive = blobs.GetBlobContainerClient(options.Value.TablePrefix.ToLowerInvariant() + ContainerNames.InboundRaw);

    public async Task EraseRecordsAsync(string subscriberId, CancellationToken cancellationToken = default)
    {
        TableKeys.Require(subscriberId, nameof(subscriberId));

        // The raw mail first, then the index that names it: if this stops half-way, the index still finds the rest.
        var posts = new List<TableEntity>();
        await foreach (var row in tables.SubscriberPosts.QueryAsync<TableEntity>(Partition(subscriberId), cancellationToken: cancellationToken))
        {
            posts.Add(row);
        }

        foreach (var post in posts)
        {
            if (post.GetString(TablePostIndex.ArchiveColumn) is { Length: > 0 } name)
            {
                await archive.DeleteBlobIfExistsAsync(name, cancellationToken: cancellationToken);
            }

            if (post.GetString(TablePostIndex.MessageKeyColumn) is { Length: > 0 } key && TableKeys.IsSafe(key))
            {
                await DeleteIfExistsAsync(tables.Inbound, key, string.Empty, cancellationToken);
            }
        }

        var journalRows = await DeletePartitionAsync(tables.Subscribers(subscriberId), subscriberId, keepProfile: true, cancellationToken);
        Journal.JournalStampMemo.Forget(subscriberId);
        var outboxRows = await DeletePartitionAsync(tables.Outbox, subscriberId, keepProfile: false, cancellationToken);
        await DeletePartitionAsync(tables.SubscriberPosts, subscriberId, keepProfile: false, cancellationToken);
        LogErased(logger, subscriberId, journalRows, outboxRows, posts.Count);
    }

    public async Task<bool> EraseProfileAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        TableKeys.Require(subscriber.Id, nameof(subscriber));
        // Every address that is theirs holds an index row: the registered one and each further one (ADD ADDRESS).
        foreach (var hash in subscriber.AllAddresses.Select(EmailAddress.Hash))
        {
            var index = await tables.SubscriberEmails.GetEntityIfExistsAsync<SubscriberEmailEntity>(hash, SubscriberEmailEntity.IndexRowKey, cancellationToken: cancellationToken);
            if (index.HasValue && index.Value!.SubscriberId == subscriber.Id)
            {
                await DeleteIfExistsAsync(tables.SubscriberEmails, hash, SubscriberEmailEntity.IndexRowKey, cancellationToken, index.Value.ETag);
            }
        }

        // The stamp goes with the profile: what a photo deletion after the rows' (a new stamp) wrote leaves no trace.
        await DeleteIfExistsAsync(tables.Subscribers(subscriber.Id), subscriber.Id, SubscriberPartition.StampRowKey, cancellationToken);
        Journal.JournalStampMemo.Forget(subscriber.Id);

        // The SDK answers a delete of a missing entity with its 404 response rather than an exception.
        try
        {
            var response = await tables.Subscribers(subscriber.Id).DeleteEntityAsync(subscriber.Id, SubscriberPartition.ProfileRowKey, ETag.All, cancellationToken);
            return response.Status != 404;
        }
        catch (RequestFailedException exception) when (exception.IsNotFound())
        {
            return false;
        }
    }

    private static string Partition(string partitionKey) => TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");

    private static async Task<int> DeletePartitionAsync(TableClient table, string partitionKey, bool keepProfile, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(Partition(partitionKey), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            if (!keepProfile || row.RowKey != SubscriberPartition.ProfileRowKey)
            {
                keys.Add(row.RowKey);
            }
        }

        foreach (var chunk in keys.Chunk(BatchSize))
        {
            var actions = chunk.Select(rowKey => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, rowKey), ETag.All));
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
            }
            catch (TableTransactionFailedException)
            {
                // A row went meanwhile (another deletion running); delete the rest one by one.
                foreach (var rowKey in chunk)
                {
                    await DeleteIfExistsAsync(table, partitionKey, rowKey, cancellationToken);
                }
            }
        }

        return keys.Count;
    }

    private static async Task DeleteIfExistsAsync(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken, ETag? ifMatch = null)
    {
        try
        {
            await table.DeleteEntityAsync(partitionKey, rowKey, ifMatch ?? ETag.All, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.IsNotFound() || exception.IsPreconditionFailed())
        {
            // Already gone, or (for the address row) someone else took the address meanwhile: theirs stays.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId}: erased {JournalRows} journal rows, {OutboxRows} outbox rows and {Posts} archived posts")]
    private static partial void LogErased(ILogger logger, string subscriberId, int journalRows, int outboxRows, int posts);
}
