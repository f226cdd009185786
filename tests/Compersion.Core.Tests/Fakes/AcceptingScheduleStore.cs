using Compersion.Core.Scheduling;

namespace Compersion.Core.Tests.Fakes;

/// <summary>An <see cref="IScheduleStore"/> that accepts every write and has nothing due: for use cases that only move rows.</summary>
internal sealed class AcceptingScheduleStore : IScheduleStore
{
    private readonly List<ScheduleEntry> removed = [];

    /// <summary>Every row a use case asked to remove, in order.</summary>
    public IReadOnlyList<ScheduleEntry> Removed => removed;

    public Task<IReadOnlyList<ScheduleEntry>> GetDueAsync(ScheduleBucket bucket, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ScheduleEntry>>([]);

    public Task UpsertAsync(IReadOnlyCollection<ScheduleEntry> entries, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task RemoveAsync(IReadOnlyCollection<ScheduleEntry> entries, CancellationToken cancellationToken = default)
    {
        removed.AddRange(entries);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ScheduleEntry>> AddAsync(IReadOnlyCollection<ScheduleEntry> entries, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ScheduleEntry>>([.. entries]);

    public Task<ScheduleRemoval> RemoveIfUnchangedAsync(IReadOnlyCollection<ScheduleEntry> entries, CancellationToken cancellationToken = default) =>
        Task.FromResult(ScheduleRemoval.None);

    public Task<DispatchCursor> ReadCursorAsync(ScheduleBucket initial, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<DispatchCursor?> TryWriteCursorAsync(DispatchCursor cursor, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
