using Compersion.Core.Scheduling;

namespace Compersion.Storage.Tests.EndToEnd;

/// <summary>The real schedule store, with a hook that runs once right after a read found due rows (the dispatcher's read).</summary>
internal sealed class InterleavingScheduleStore(IScheduleStore inner) : IScheduleStore
{
    private Func<Task>? afterDueRead;
    private int failNextAdd;

    /// <summary>Makes the next insert throw before it writes anything: the process dying at that point.</summary>
    public void FailNextAdd() => failNextAdd = 1;

    /// <summary>Runs <paramref name="action"/> once, after the next read that finds due rows and before the caller writes anything.</summary>
    public void AfterNextDueRead(Func<Task> action) => afterDueRead = action;

    public async Task<IReadOnlyList<ScheduleEntry>> GetDueAsync(ScheduleBucket bucket, CancellationToken cancellationToken = default)
    {
        var due = await inner.GetDueAsync(bucket, cancellationToken);
        if (due.Count > 0 && Interlocked.Exchange(ref afterDueRead, null) is { } action)
        {
            await action();
        }

        return due;
    }

    public Task UpsertAsync(IReadOnlyCollection<ScheduleEntry> entries, CancellationToken cancellationToken = default) => inner.UpsertAsync(entries, cancellationToken);

    public Task RemoveAsync(IReadOnlyCollection<ScheduleEntry> entries, CancellationToken cancellationToken = default) => inner.RemoveAsync(entries, cancellationToken);

    public Task<IReadOnlyList<ScheduleEntry>> AddAsync(IReadOnlyCollection<ScheduleEntry> entries, CancellationToken cancellationToken = default) =>
        Interlocked.Exchange(ref failNextAdd, 0) == 1
            ? throw new IOException("the process died here")
            : inner.AddAsync(entries, cancellationToken);

    public Task<ScheduleRemoval> RemoveIfUnchangedAsync(IReadOnlyCollection<ScheduleEntry> entries, CancellationToken cancellationToken = default) =>
        inner.RemoveIfUnchangedAsync(entries, cancellationToken);

    public Task<DispatchCursor> ReadCursorAsync(ScheduleBucket initial, CancellationToken cancellationToken = default) => inner.ReadCursorAsync(initial, cancellationToken);

    public Task<DispatchCursor?> TryWriteCursorAsync(DispatchCursor cursor, CancellationToken cancellationToken = default) => inner.TryWriteCursorAsync(cursor, cancellationToken);
}
