using Compersion.Core.Scheduling;

namespace Compersion.Core.Tests.Fakes;

/// <summary>An <see cref="IScheduleStore"/> for use cases that must not touch the schedule: any call fails the test.</summary>
internal sealed class UnusedScheduleStore : IScheduleStore
{
    public Task<IReadOnlyList<ScheduleEntry>> GetDueAsync(ScheduleBucket bucket, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task UpsertAsync(IReadOnlyCollection<ScheduleEntry> entries, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task RemoveAsync(IReadOnlyCollection<ScheduleEntry> entries, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<IReadOnlyList<ScheduleEntry>> AddAsync(IReadOnlyCollection<ScheduleEntry> entries, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<ScheduleRemoval> RemoveIfUnchangedAsync(IReadOnlyCollection<ScheduleEntry> entries, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<DispatchCursor> ReadCursorAsync(ScheduleBucket initial, CancellationToken cancellationToken = default) => throw Unexpected();

    public Task<DispatchCursor?> TryWriteCursorAsync(DispatchCursor cursor, CancellationToken cancellationToken = default) => throw Unexpected();

    private static NotSupportedException Unexpected() => new("This use case should not touch the schedule.");
}
