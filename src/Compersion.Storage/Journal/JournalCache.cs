using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.Options;

namespace Compersion.Storage.Journal;

/// <summary>
/// What the journal pages read, kept in memory under the subscriber's <see cref="JournalStamp"/>: while the stamp is
/// unchanged, a read answers from what the same read found before, and costs storage one point read (the stamp).
/// </summary>
/// <remarks>
/// <para>
/// Every read still reads the stamp first (once per page: <see cref="JournalStampMemo"/>), so a write made anywhere (another instance, the ingestion of a reply, a
/// correction) is seen by the very next read: its transaction changed the stamp, and nothing is kept under a new stamp
/// until it is read under it. The stamp is read before what it guards, so what is kept is never older than its stamp.
/// No stamp (everything deleted, or nothing written since stamps began) keeps nothing.
/// </para>
/// <para>
/// Bounded by <see cref="StorageOptions.JournalCacheSize"/>, each entry counted by the texts and days it holds; entries
/// unread for <see cref="Idle"/> go, and the entries under a subscriber's old stamp go as soon as a read finds a new one.
/// </para>
/// </remarks>
internal sealed class JournalCache(StorageTables tables, IOptions<StorageOptions> options) : IDisposable
{
    /// <summary>How long an entry nobody reads stays.</summary>
    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.JournalCacheSize) });
    private readonly bool enabled = options.Value.JournalCacheSize > 0;

    /// <summary>What <paramref name="read"/> gives, from memory when the same read was made under the subscriber's current stamp.</summary>
    /// <param name="subscriberId">Whose journal (a safe key: the caller checked it).</param>
    /// <param name="what">What is read, spelt the same by every caller that reads the same (the read's kind and its dates).</param>
    /// <param name="read">The read itself, made after the stamp's.</param>
    /// <param name="size">How many texts and days a result holds (its share of <see cref="StorageOptions.JournalCacheSize"/>).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<T> ReadAsync<T>(string subscriberId, string what, Func<Task<T>> read, Func<T, int> size, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(size);
        if (!enabled)
        {
            return await read();
        }

        var stamp = await JournalStampMemo.ReadAsync(subscriberId, () => JournalStamp.ReadAsync(tables.Subscribers(subscriberId), subscriberId, cancellationToken));
        if (stamp is null)
        {
            return await read();
        }

        var key = new Key(subscriberId, stamp, what);
        if (cache.TryGetValue(key, out T? kept) && kept is not null)
        {
            return kept;
        }

        var generation = GenerationOf(subscriberId, stamp);
        var value = await read();
        cache.Set(
            key,
            value,
            new MemoryCacheEntryOptions { Size = Math.Max(1, size(value)), SlidingExpiration = Idle }.AddExpirationToken(new CancellationChangeToken(generation)));
        return value;
    }

    public void Dispose() => cache.Dispose();

    // The subscriber's stamp last seen, and a token that ends everything kept under it: seeing a new stamp ends the old
    // one's entries at once (none of them can be read again), so a journal written often does not fill the cache with
    // the dead. Which stamp is "last seen" decides only what is evicted; what is answered is always keyed by its stamp.
    private CancellationToken GenerationOf(string subscriberId, string stamp)
    {
        var key = new GenerationKey(subscriberId);
        if (cache.TryGetValue(key, out Generation? current) && current!.Stamp == stamp)
        {
            return current.Expiry.Token;
        }

        var next = new Generation(stamp, new CancellationTokenSource());
        cache.Set(
            key,
            next,
            new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Idle }
                .RegisterPostEvictionCallback((_, value, _, _) => ((Generation)value!).Expiry.Cancel()));
        current?.Expiry.Cancel();
        return next.Expiry.Token;
    }

    private sealed record Key(string SubscriberId, string Stamp, string What);

    private sealed record GenerationKey(string SubscriberId);

    private sealed record Generation(string Stamp, CancellationTokenSource Expiry);
}
