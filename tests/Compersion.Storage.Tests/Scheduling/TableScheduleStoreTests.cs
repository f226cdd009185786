using Compersion.Core.Scheduling;
using Compersion.Core.Subscribers;
using NodaTime;

namespace Compersion.Storage.Tests.Scheduling;

public sealed class TableScheduleStoreTests(AzuriteFixture fixture) : StorageTestBase(fixture)
{
    private static readonly Instant DueAt = Instant.FromUtc(2025, 6, 1, 18, 0, 42);

    private IScheduleStore Store => Harness.Get<IScheduleStore>();

    [Fact]
    public async Task UpsertAsync_250RowsInOneBucket_AllAreDue()
    {
        var entries = Entries(250, DueAt);

        await Store.UpsertAsync(entries);
        var due = await Store.GetDueAsync(ScheduleBucket.Of(DueAt));

        Assert.Equal(entries.OrderBy(e => e.SubscriberId), due.OrderBy(e => e.SubscriberId));
    }

    [Fact]
    public async Task UpsertAsync_WeeklyRow_RoundTripsEveryField()
    {
        var entry = new ScheduleEntry(SubscriberId.New(), JobKind.Digest, new LocalDate(2025, 6, 1), DueAt, "America/Sao_Paulo", new LocalTime(18, 0, 15), IsoDayOfWeek.Sunday);

        await Store.UpsertAsync([entry]);
        var due = await Store.GetDueAsync(entry.Bucket);

        Assert.Equal(entry, Assert.Single(due));
    }

    [Fact]
    public async Task UpsertAsync_SameSubscriberAndKindTwice_KeepsTheLastOne()
    {
        var first = Entries(1, DueAt)[0];
        var later = first with { LocalDate = first.LocalDate.PlusDays(7) };

        await Store.UpsertAsync([first]);
        await Store.UpsertAsync([first, later]);
        var due = await Store.GetDueAsync(first.Bucket);

        Assert.Equal(later, Assert.Single(due));
    }

    [Fact]
    public async Task UpsertAsync_RowsInSeveralBuckets_EachBucketHoldsOnlyItsOwn()
    {
        var early = Entries(120, DueAt);
        var late = Entries(30, DueAt + Duration.FromMinutes(1));

        await Store.UpsertAsync([.. early, .. late]);

        Assert.Equal(120, (await Store.GetDueAsync(ScheduleBucket.Of(DueAt))).Count);
        Assert.Equal(30, (await Store.GetDueAsync(ScheduleBucket.Of(DueAt).Next)).Count);
        Assert.Empty(await Store.GetDueAsync(ScheduleBucket.Of(DueAt).Next.Next));
    }

    [Fact]
    public async Task RemoveAsync_250RowsInOneBucket_LeavesTheBucketEmpty()
    {
        var entries = Entries(250, DueAt);
        await Store.UpsertAsync(entries);

        await Store.RemoveAsync(entries);

        Assert.Empty(await Store.GetDueAsync(ScheduleBucket.Of(DueAt)));
    }

    [Fact]
    public async Task RemoveAsync_SomeRowsMissing_RemovesTheRest()
    {
        var stored = Entries(150, DueAt);
        var neverStored = Entries(20, DueAt);
        var kept = Entries(5, DueAt);
        await Store.UpsertAsync([.. stored, .. kept]);

        await Store.RemoveAsync([.. neverStored.Take(10), .. stored, .. neverStored.Skip(10)]);

        var due = await Store.GetDueAsync(ScheduleBucket.Of(DueAt));
        Assert.Equal(kept.OrderBy(e => e.SubscriberId), due.OrderBy(e => e.SubscriberId));
    }

    [Fact]
    public async Task ReadCursorAsync_NeverWritten_ReturnsTheInitialBucketWithoutVersion()
    {
        var initial = ScheduleBucket.Of(DueAt);

        var cursor = await Store.ReadCursorAsync(initial);

        Assert.Equal(new DispatchCursor(initial, null, null, null), cursor);
    }

    [Fact]
    public async Task TryWriteCursorAsync_NewCursor_InsertsItWithAVersion()
    {
        var cursor = new DispatchCursor(ScheduleBucket.Of(DueAt), "run-1", DueAt + Duration.FromMinutes(5), null);

        var written = await Store.TryWriteCursorAsync(cursor);
        var read = await Store.ReadCursorAsync(ScheduleBucket.Of(Instant.FromUtc(2000, 1, 1, 0, 0)));

        Assert.NotNull(written?.Version);
        Assert.Equal(cursor with { Version = written.Version }, written);
        Assert.Equal(written, read);
    }

    [Fact]
    public async Task TryWriteCursorAsync_CurrentVersion_UpdatesTheCursor()
    {
        var stored = await Store.TryWriteCursorAsync(new DispatchCursor(ScheduleBucket.Of(DueAt), "run-1", DueAt, null));
        var advanced = stored! with { ProcessedThrough = stored.ProcessedThrough.Next, LeaseOwner = null, LeaseUntil = null };

        var written = await Store.TryWriteCursorAsync(advanced);
        var read = await Store.ReadCursorAsync(ScheduleBucket.Of(DueAt));

        Assert.NotNull(written);
        Assert.NotEqual(stored.Version, written.Version);
        Assert.Equal(written, read);
    }

    [Fact]
    public async Task TryWriteCursorAsync_StaleVersion_ReturnsNullAndKeepsTheStoredCursor()
    {
        var stored = await Store.TryWriteCursorAsync(new DispatchCursor(ScheduleBucket.Of(DueAt), null, null, null));
        var moved = await Store.TryWriteCursorAsync(stored! with { ProcessedThrough = stored.ProcessedThrough.Next });

        var stale = await Store.TryWriteCursorAsync(stored with { LeaseOwner = "late-run" });

        Assert.Null(stale);
        Assert.Equal(moved, await Store.ReadCursorAsync(ScheduleBucket.Of(DueAt)));
    }

    [Fact]
    public async Task TryWriteCursorAsync_TwoWritersWithTheSameReadVersion_ExactlyOneWins()
    {
        await Store.TryWriteCursorAsync(new DispatchCursor(ScheduleBucket.Of(DueAt), null, null, null));
        var read = await Store.ReadCursorAsync(ScheduleBucket.Of(DueAt));

        var results = await Task.WhenAll(
            Store.TryWriteCursorAsync(read with { LeaseOwner = "run-a" }),
            Store.TryWriteCursorAsync(read with { LeaseOwner = "run-b" }));

        var winner = Assert.Single(results, result => result is not null);
        Assert.Equal(winner, await Store.ReadCursorAsync(ScheduleBucket.Of(DueAt)));
    }

    [Fact]
    public async Task TryWriteCursorAsync_TwoFirstWriters_ExactlyOneWins()
    {
        var fresh = await Store.ReadCursorAsync(ScheduleBucket.Of(DueAt));

        var results = await Task.WhenAll(
            Store.TryWriteCursorAsync(fresh with { LeaseOwner = "run-a" }),
            Store.TryWriteCursorAsync(fresh with { LeaseOwner = "run-b" }));

        var winner = Assert.Single(results, result => result is not null);
        Assert.Equal(winner, await Store.ReadCursorAsync(ScheduleBucket.Of(DueAt)));
    }

    [Fact]
    public async Task AddAsync_SomeRowsAlreadyStored_KeepsTheStoredOnesAndReturnsOnlyTheInserted()
    {
        var entries = Entries(3, DueAt);
        var newer = entries[1] with { LocalDate = entries[1].LocalDate.PlusDays(1) };
        await Store.UpsertAsync([newer]);

        var added = await Store.AddAsync(entries);

        Assert.Equal(new[] { entries[0], entries[2] }.OrderBy(e => e.SubscriberId), added.OrderBy(e => e.SubscriberId));
        Assert.All(added, row => Assert.NotNull(row.Version));
        Assert.Contains(newer, await Store.GetDueAsync(ScheduleBucket.Of(DueAt)));
    }

    [Fact]
    public async Task RemoveIfUnchangedAsync_RowsRemovedOrRewrittenSinceTheRead_ReportsThemAndKeepsTheRewritten()
    {
        var entries = Entries(3, DueAt);
        await Store.UpsertAsync(entries);
        var read = (await Store.GetDueAsync(ScheduleBucket.Of(DueAt))).OrderBy(e => e.SubscriberId).ToList();
        var rewritten = read[1] with { LocalDate = read[1].LocalDate.PlusDays(7), Version = null };
        await Store.RemoveAsync([read[0]]);
        await Store.UpsertAsync([rewritten]);

        var removal = await Store.RemoveIfUnchangedAsync(read);

        Assert.Equal(read[0], Assert.Single(removal.Gone));
        Assert.Equal(read[1], Assert.Single(removal.Changed));
        Assert.Equal(rewritten, Assert.Single(await Store.GetDueAsync(ScheduleBucket.Of(DueAt))));
    }

    [Fact]
    public async Task RemoveIfUnchangedAsync_RowRemovedSinceTheRead_ReportsItGone()
    {
        var entries = Entries(2, DueAt);
        await Store.UpsertAsync(entries);
        var read = await Store.GetDueAsync(ScheduleBucket.Of(DueAt));
        await Store.RemoveAsync([read[0]]);

        var removal = await Store.RemoveIfUnchangedAsync(read);

        Assert.Equal(read[0], Assert.Single(removal.Gone));
        Assert.Empty(removal.Changed);
        Assert.Empty(await Store.GetDueAsync(ScheduleBucket.Of(DueAt)));
    }

    private static List<ScheduleEntry> Entries(int count, Instant dueAt) =>
        Enumerable.Range(0, count)
            .Select(_ => new ScheduleEntry(SubscriberId.New(), JobKind.Prompt, new LocalDate(2025, 6, 1), dueAt, "Europe/Berlin", new LocalTime(20, 0)))
            .ToList();
}
