using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Compersion.Core.Journal;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Compersion.Storage.Journal;

/// <summary>Journal entries in the <c>subscribers</c> table: a row per local date, in the subscriber's own partition.</summary>
/// <remarks>
/// <para>
/// The partition also holds the profile row (<see cref="SubscriberPartition"/>), so reads select the entry
/// rows by their row-key range and <see cref="TableSubscriberJournal"/> can read profile and entries at once.
/// </para>
/// <para>
/// Appends are read-modify-write guarded by the row's ETag: a writer that lost a race re-reads and
/// appends again, so concurrent replies for one date never lose items.
/// </para>
/// <para>
/// Each append also records a random token in the row (the last <see cref="RememberedAppends"/> of them).
/// When the storage client retries a write whose first attempt landed unseen, the retry fails its
/// precondition; finding its own token in the row tells the writer its items are already there, so
/// they are not appended twice.
/// </para>
/// </remarks>
internal sealed partial class TableEntryStore(StorageTables tables, TimeProvider timeProvider, ILogger<TableEntryStore> logger) : IEntryStore
{
    /// <summary>How many recent append tokens a row keeps.</summary>
    public const int RememberedAppends = 64;

    // Each lost race means someone else's append landed, so even heavy contention settles well within this.
    private const int MaxAppendAttempts = 100;

    private const string AppendTokensColumn = "Appends";
    private const int MaxBackoffMilliseconds = 50;

    public async Task<IReadOnlyList<JournalEntry>> GetEntriesAsync(string subscriberId, CancellationToken cancellationToken = default)
    {
        TableKeys.Require(subscriberId, nameof(subscriberId));
        var entries = new List<JournalEntry>();
        await foreach (var row in tables.Subscribers.QueryAsync<TableEntity>(SubscriberPartition.EntryRows(subscriberId), cancellationToken: cancellationToken))
        {
            entries.Add(new JournalEntry(subscriberId, StoredFormats.ParseDate(row.RowKey), JournalItemColumns.Read(row)));
        }

        // Row keys are ISO dates and come back in order already; sorting states the contract rather than trusting it.
        entries.Sort((left, right) => left.Date.CompareTo(right.Date));
        return entries;
    }

    public async Task AppendAsync(string subscriberId, LocalDate date, IReadOnlyList<JournalItem> items, string? appendKey = null, CancellationToken cancellationToken = default)
    {
        TableKeys.Require(subscriberId, nameof(subscriberId));
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return;
        }

        var rowKey = SubscriberPartition.EntryRowKey(date);
        var token = string.IsNullOrWhiteSpace(appendKey) ? Guid.NewGuid().ToString("N") : appendKey.Replace(' ', '_');
        for (var attempt = 1; attempt <= MaxAppendAttempts; attempt++)
        {
            var current = await tables.Subscribers.GetEntityIfExistsAsync<TableEntity>(subscriberId, rowKey, cancellationToken: cancellationToken);
            if (current.HasValue && Tokens(current.Value!).Contains(token))
            {
                return;
            }

            if (await TryWriteAsync(subscriberId, rowKey, current.HasValue ? current.Value : null, items, token, cancellationToken))
            {
                return;
            }

            LogAppendRaced(logger, attempt);
            await Task.Delay(TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32(1, MaxBackoffMilliseconds)), timeProvider, cancellationToken);
        }

        throw new InvalidOperationException("Could not append to a journal entry: too many concurrent writers.");
    }

    private async Task<bool> TryWriteAsync(
        string subscriberId, string rowKey, TableEntity? current, IReadOnlyList<JournalItem> items, string token, CancellationToken cancellationToken)
    {
        var row = new TableEntity(subscriberId, rowKey);
        var existingItems = current is null ? [] : JournalItemColumns.Read(current);
        JournalItemColumns.Write(row, [.. existingItems, .. items]);
        var tokens = current is null ? [] : Tokens(current);
        row[AppendTokensColumn] = string.Join(' ', tokens.Append(token).TakeLast(RememberedAppends));
        try
        {
            if (current is null)
            {
                await tables.Subscribers.AddEntityAsync(row, cancellationToken);
            }
            else
            {
                await tables.Subscribers.UpdateEntityAsync(row, current.ETag, TableUpdateMode.Replace, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException exception) when (exception.IsConflict() || exception.IsPreconditionFailed() || exception.IsNotFound())
        {
            return false;
        }
    }

    private static string[] Tokens(TableEntity row) =>
        row.GetString(AppendTokensColumn)?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];

    [LoggerMessage(Level = LogLevel.Debug, Message = "Journal append lost a race on attempt {Attempt}; retrying")]
    private static partial void LogAppendRaced(ILogger logger, int attempt);
}
