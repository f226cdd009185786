using System.Security.Cryptography;
using Compersion.Storage.Journal;
using Microsoft.Extensions.Logging;

namespace Compersion.Storage;

/// <summary>Appends to one table row exactly once per key, however many writers race: the journal's and the kind acts' rows.</summary>
/// <remarks>
/// <para>
/// Appends are read-modify-write guarded by the row's ETag: a writer that lost a race re-reads and
/// appends again, so concurrent appends to one row never lose each other's content.
/// </para>
/// <para>
/// Each append also records a token in the row (the last <see cref="RememberedAppends"/> of them): the caller's
/// append key, else a random one. An append whose token the row already holds does nothing, so the same message
/// ingested twice adds its content once; and when the storage client retries a write whose first attempt landed
/// unseen, the retry fails its precondition, re-reads, and finds its own token there.
/// </para>
/// <para>
/// The rows are a subscriber's (the partition is their id): each write changes their <see cref="JournalStamp"/> in the same transaction.
/// </para>
/// </remarks>
internal sealed partial class IdempotentAppender(TimeProvider timeProvider, ILogger<IdempotentAppender> logger)
{
    /// <summary>How many recent append tokens a row keeps.</summary>
    public const int RememberedAppends = 64;

    // Each lost race means someone else's append landed, so even heavy contention settles well within this.
    private const int MaxAppendAttempts = 100;

    /// <summary>The column holding a row's remembered append tokens, space-separated.</summary>
    public const string AppendTokensColumn = "Appends";
    private const int MaxBackoffMilliseconds = 50;

    /// <summary>Appends to a row, creating it when needed, unless the row already holds <paramref name="appendKey"/>.</summary>
    /// <param name="table">The table the row lives in.</param>
    /// <param name="partitionKey">The row's partition key.</param>
    /// <param name="rowKey">The row's key.</param>
    /// <param name="appendKey">The idempotency key (spaces become underscores); null for a fresh random one.</param>
    /// <param name="write">
    /// Fills the new version of the row (its second argument) from the current one (its first; null when the row does
    /// not exist yet) plus what is being appended. Called again for every lost race, so it must not keep state.
    /// </param>
    /// <param name="cancellationToken">Cancels the append.</param>
    /// <exception cref="InvalidOperationException">Lost <see cref="MaxAppendAttempts"/> races in a row.</exception>
    public async Task AppendAsync(
        TableClient table, string partitionKey, string rowKey, string? appendKey, Action<TableEntity?, TableEntity> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(write);
        var token = string.IsNullOrWhiteSpace(appendKey) ? Guid.NewGuid().ToString("N") : appendKey.Replace(' ', '_');
        for (var attempt = 1; attempt <= MaxAppendAttempts; attempt++)
        {
            var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
            var current = response.HasValue ? response.Value : null;
            if (current is not null && Tokens(current).Contains(token))
            {
                return;
            }

            if (await TryWriteAsync(table, partitionKey, rowKey, current, write, token, cancellationToken))
            {
                return;
            }

            LogAppendRaced(logger, attempt);
            await Task.Delay(TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32(1, MaxBackoffMilliseconds)), timeProvider, cancellationToken);
        }

        throw new InvalidOperationException("Could not append to a row: too many concurrent writers.");
    }

    private static async Task<bool> TryWriteAsync(
        TableClient table, string partitionKey, string rowKey, TableEntity? current, Action<TableEntity?, TableEntity> write, string token, CancellationToken cancellationToken)
    {
        var row = new TableEntity(partitionKey, rowKey);
        write(current, row);
        var tokens = current is null ? [] : Tokens(current);
        row[AppendTokensColumn] = string.Join(' ', tokens.Append(token).TakeLast(RememberedAppends));
        try
        {
            var action = current is null
                ? new TableTransactionAction(TableTransactionActionType.Add, row)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, current.ETag);
            await JournalStamp.SubmitAsync(table, partitionKey, [action], cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.IsConflict() || exception.IsPreconditionFailed() || exception.IsNotFound())
        {
            return false;
        }
    }

    private static string[] Tokens(TableEntity row) =>
        row.GetString(AppendTokensColumn)?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];

    [LoggerMessage(Level = LogLevel.Debug, Message = "Append lost a race on attempt {Attempt}; retrying")]
    private static partial void LogAppendRaced(ILogger logger, int attempt);
}
