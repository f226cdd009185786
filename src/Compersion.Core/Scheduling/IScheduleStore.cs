namespace Compersion.Core.Scheduling;

/// <summary>The timing wheel: schedule rows partitioned by UTC minute bucket, plus the dispatch cursor.</summary>
public interface IScheduleStore
{
    /// <summary>Rows due in one bucket (one partition query), each with its <see cref="ScheduleEntry.Version"/>.</summary>
    Task<IReadOnlyList<ScheduleEntry>> GetDueAsync(ScheduleBucket bucket, CancellationToken cancellationToken = default);

    /// <summary>Writes rows (insert or replace), batched per bucket.</summary>
    Task UpsertAsync(IReadOnlyCollection<ScheduleEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Removes rows (missing rows are ignored), batched per bucket.</summary>
    Task RemoveAsync(IReadOnlyCollection<ScheduleEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Inserts rows where no row is stored yet, batched per bucket; a row already there is a newer write and is kept.</summary>
    /// <returns>The rows this call inserted, each with its <see cref="ScheduleEntry.Version"/>.</returns>
    Task<IReadOnlyList<ScheduleEntry>> AddAsync(IReadOnlyCollection<ScheduleEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Removes rows only if they are still stored as read (their <see cref="ScheduleEntry.Version"/>), batched per bucket.</summary>
    /// <returns>The rows that were not removed because someone else had removed or rewritten them meanwhile.</returns>
    /// <exception cref="ArgumentException">A row has no version.</exception>
    Task<ScheduleRemoval> RemoveIfUnchangedAsync(IReadOnlyCollection<ScheduleEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Reads the cursor; a never-stored cursor is returned with a null version.</summary>
    /// <param name="initial">Where a brand-new wheel starts.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<DispatchCursor> ReadCursorAsync(ScheduleBucket initial, CancellationToken cancellationToken = default);

    /// <summary>Writes the cursor if nobody changed it since it was read (its version); returns the stored cursor, or null on a conflict.</summary>
    Task<DispatchCursor?> TryWriteCursorAsync(DispatchCursor cursor, CancellationToken cancellationToken = default);
}
