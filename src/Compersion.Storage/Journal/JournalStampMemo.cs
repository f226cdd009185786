using System.Collections.Concurrent;

namespace Compersion.Storage.Journal;

/// <summary>
/// One page's look at each subscriber's <see cref="JournalStamp"/>: while a page is open (<see cref="Begin"/>), the reads it
/// makes, and whatever they await, share one read of each stamp, so a page that reads rows, marks and photos costs storage
/// one point read, not three, when all of them are kept (<see cref="JournalCache"/>).
/// </summary>
/// <remarks>
/// <para>
/// The stamp is read once, at the page's first read, so every write finished before that is on the page, as it was when
/// each read read the stamp itself. A write made through Storage while the page is open (a correction, a photo deleted)
/// forgets the subscriber's stamp (<see cref="Forget"/>, from <see cref="JournalStamp"/>'s writes), so every read the page
/// makes after it reads the stamp itself, and nothing the page made is kept (<see cref="IsUnwritten"/>).
/// </para>
/// <para>
/// The page is carried by the async flow (<see cref="AsyncLocal{T}"/>): outside an open page, and on another request,
/// nothing is shared and every read reads the stamp.
/// </para>
/// </remarks>
internal static class JournalStampMemo
{
    private static readonly AsyncLocal<ConcurrentDictionary<string, Task<string?>>?> Current = new();

    // Stands for the stamp of a subscriber the page wrote: never shared again in this page.
    private static readonly Task<string?> Written = Task.FromResult<string?>(null);

    /// <summary>Opens a page in this async flow until the result is disposed (a page opened inside another looks afresh; the outer one is back when it ends).</summary>
    public static IDisposable Begin()
    {
        var outer = Current.Value;
        Current.Value = new ConcurrentDictionary<string, Task<string?>>(StringComparer.Ordinal);
        return new Page(outer);
    }

    /// <summary>The subscriber's stamp: read once per open page (<paramref name="read"/>), and read every time outside one.</summary>
    public static Task<string?> ReadAsync(string subscriberId, Func<Task<string?>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (Current.Value is not { } stamps)
        {
            return read();
        }

        var shared = stamps.GetOrAdd(subscriberId, _ => read());
        if (ReferenceEquals(shared, Written))
        {
            // Written in this page: each read after the write reads the stamp itself.
            return read();
        }

        if (shared.IsFaulted || shared.IsCanceled)
        {
            // A read that failed is not remembered: the next one tries again.
            stamps.TryRemove(new KeyValuePair<string, Task<string?>>(subscriberId, shared));
        }

        return shared;
    }

    /// <summary>Forgets the subscriber's stamp in the open page, if any, and remembers that the page wrote their journal: called after every write that changes it.</summary>
    public static void Forget(string subscriberId)
    {
        if (Current.Value is { } stamps)
        {
            stamps[subscriberId] = Written;
        }
    }

    /// <summary>Whether a page is open here and has written nothing of the subscriber's: only then does everything it read come from the stamp it reads.</summary>
    public static bool IsUnwritten(string subscriberId) =>
        Current.Value is { } stamps && !(stamps.TryGetValue(subscriberId, out var stamp) && ReferenceEquals(stamp, Written));

    private sealed class Page(ConcurrentDictionary<string, Task<string?>>? outer) : IDisposable
    {
        public void Dispose() => Current.Value = outer;
    }
}
