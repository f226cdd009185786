using Compersion.Core.Scheduling;

namespace Compersion.Core.Tests.Fakes;

/// <summary>
/// The timing wheel in memory, keyed as the table is (bucket, kind and subscriber), with versions: a conditional
/// write or removal loses to any write made since the row or the cursor was read, as the table's ETags make it.
/// </summary>
internal sealed class InMemoryScheduleStore : IScheduleStore
{
    private readonly Dictionary<(ScheduleBucket Bucket, JobKind Kind, string SubscriberId), ScheduleEntry> rows = [];
    private DispatchCursor? cursor;
    private int version;

    /// <summary>Every row stored now.</summary>
    public IReadOnlyCollection<ScheduleEntry> Rows => rows.Values;

    /// <summary>The cursor as stored, or null before the first write.</summary>
    public DispatchCursor? Cursor => cursor;

    /// <summary>Runs once, just before the next <see cref="RemoveIfUnchangedAsync"/>: a settings change landing mid-tick.</summary>
    public Action? BeforeNextRemoval { get; set; }

    public Task<IReadOnlyList<ScheduleEntry>> GetDueAsync(ScheduleBucket bucket, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ScheduleEntry>>([.. rows.Where(row => row.Key.Bucket == bucket).Select(row => row.Value)]);

    public Task UpsertAsync(IReadOnlyCollection<ScheduleEntry> entries, CancellationToken cancellationToken = default)
    {
        foreach (var entry in entries)
        {
            rows[KeyOf(entry)] = Stamp(entry);
        }

        return Task.CompletedTask;
    }

    public Task RemoveAsync(IReadOnlyCollection<ScheduleEntry> entries, CancellationToken cancellationToken = default)
    {
        foreach (var entry in entries)
        {
            rows.Remove(KeyOf(entry));
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ScheduleEntry>> AddAsync(IReadOnlyCollection<ScheduleEntry> entries, CancellationToken cancellationToken = default)
    {
        var added = new List<ScheduleEntry>();
        foreach (var entry in entries)
        {
            if (!rows.ContainsKey(KeyOf(entry)))
            {
                var stored = Stamp(entry);
                rows[KeyOf(entry)] = stored;
                added.Add(stored);
            }
        }

        return Task.FromResult<IReadOnlyList<ScheduleEntry>>(added);
    }

    public Task<ScheduleRemoval> RemoveIfUnchangedAsync(IReadOnlyCollection<ScheduleEntry> entries, CancellationToken cancellationToken = default)
    {
        var change = BeforeNextRemoval;
        BeforeNextRemoval = null;
        change?.Invoke();

        var gone = new List<ScheduleEntry>();
        var changed = new List<ScheduleEntry>();
        foreach (var entry in entries)
        {
            if (entry.Version is null)
            {
                throw new ArgumentException("A conditional removal needs the row's version.", nameof(entries));
            }

            if (!rows.TryGetValue(KeyOf(entry), out var stored))
            {
                gone.Add(entry);
            }
            else if (stored.Version != entry.Version)
            {
                changed.Add(entry);
            }
            else
            {
                rows.Remove(KeyOf(entry));
            }
        }

        return Task.FromResult(new ScheduleRemoval(gone, changed));
    }

    public Task<DispatchCursor> ReadCursorAsync(ScheduleBucket initial, CancellationToken cancellationToken = default) =>
        Task.FromResult(cursor ?? new DispatchCursor(initial, null, null, null));

    public Task<DispatchCursor?> TryWriteCursorAsync(DispatchCursor cursor, CancellationToken cancellationToken = default)
    {
        if (cursor.Version != this.cursor?.Version)
        {
            return Task.FromResult<DispatchCursor?>(null);
        }

        this.cursor = cursor with { Version = Next() };
        return Task.FromResult<DispatchCursor?>(this.cursor);
    }

    /// <summary>Another run's write to the cursor (a lease taken elsewhere).</summary>
    public void WriteCursor(DispatchCursor written) => cursor = written with { Version = Next() };

    private static (ScheduleBucket, JobKind, string) KeyOf(ScheduleEntry entry) => (entry.Bucket, entry.Kind, entry.SubscriberId);

    private ScheduleEntry Stamp(ScheduleEntry entry) => entry with { Version = Next() };

    private string Next() => (++version).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
