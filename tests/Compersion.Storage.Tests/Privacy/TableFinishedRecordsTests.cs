using Azure.Data.Tables;
using Compersion.Core.Inbound;
using Compersion.Core.Privacy;
using Compersion.Core.Scheduling;
using Compersion.Core.Sending;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace Compersion.Storage.Tests.Privacy;

/// <summary>The daily retention run over Azurite: only finished rows past their retention go; everything still useful stays.</summary>
public sealed class TableFinishedRecordsTests(AzuriteFixture fixture) : StorageTestBase(fixture)
{
    [Fact]
    public async Task RunAsync_OutboxRows_SentAndSkippedOlderThan35DaysDeletedTheRestKept()
    {
        var today = LocalDate.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var outbox = Harness.Get<IOutbox>();
        var old = today.PlusDays(-RecordRetention.OutboxDays - 1);
        var sent = await SendAsync(outbox, JobKind.Prompt, old, OutboxOutcome.Sent);
        var skipped = await SendAsync(outbox, JobKind.Digest, old, OutboxOutcome.Skipped);
        var uncertain = await SendAsync(outbox, JobKind.Prompt, old, OutboxOutcome.Uncertain);
        var recent = await SendAsync(outbox, JobKind.Prompt, today.PlusDays(-RecordRetention.OutboxDays), OutboxOutcome.Sent);
        var sentToo = OutboundJob.For(sent.SubscriberId, JobKind.Digest, old);
        await outbox.MarkSentAsync(sentToo, await outbox.TryClaimAsync(sentToo, Now()), "sg-2", Now());

        var (outboxDeleted, _, _) = await Sut(Now()).RunAsync();

        Assert.Equal(3, outboxDeleted);
        (string, string)[] kept = [(uncertain.SubscriberId, "prompt|" + Iso(old)), (recent.SubscriberId, "prompt|" + Iso(recent.LocalDate))];
        Assert.Equal(kept.Order(), (await RowsAsync(TableNames.Outbox)).Select(r => (r.PartitionKey, r.RowKey)).Order());
        Assert.DoesNotContain(skipped.SubscriberId, (await RowsAsync(TableNames.Outbox)).Select(r => r.PartitionKey));
    }

    [Fact]
    public async Task RunAsync_InboundLedgerRows_DoneAndQuarantinedDeletedOnlyAfter100DaysInProgressKept()
    {
        var ledger = Harness.Get<IInboundLedger>();
        await ledger.BeginAsync("s:done", "post-1");
        await ledger.AdvanceAsync("s:done", InboundStage.Done, "abcdefghijklmnop", null);
        await ledger.BeginAsync("q:quarantined", "post-2");
        await ledger.AdvanceAsync("q:quarantined", InboundStage.Quarantined, null, "unverified-sender");
        await ledger.BeginAsync("s:stored", "post-3");
        await ledger.AdvanceAsync("s:stored", InboundStage.Stored, "abcdefghijklmnop", null);

        var (_, tooSoon, _) = await Sut(Now() + Duration.FromDays(RecordRetention.InboundLedgerDays - 1)).RunAsync();
        var (_, later, _) = await Sut(Now() + Duration.FromDays(RecordRetention.InboundLedgerDays) + Duration.FromMinutes(5)).RunAsync();

        Assert.Equal((0, 2), (tooSoon, later));
        Assert.Equal(["s:stored"], (await RowsAsync(TableNames.Inbound)).Select(r => r.PartitionKey));
    }

    /// <summary>The index of archived posts goes a day after the ledger rows it names (the posts themselves go at 90 days), never before.</summary>
    [Fact]
    public async Task RunAsync_PostIndexRows_DeletedOnlyAfter101DaysWhenTheLedgerRowsTheyNameAreGone()
    {
        var index = Harness.Get<IPostIndex>();
        var ledger = Harness.Get<IInboundLedger>();
        var subscriber = TestData.NewSubscriber().Id;
        await ledger.BeginAsync("s:kept-post", "2026/11/25/190030-abc");
        await ledger.AdvanceAsync("s:kept-post", InboundStage.Done, subscriber, null);
        await index.RecordAsync(subscriber, "2026/11/25/190030-abc", "u:kept-post");
        await index.RecordAsync(subscriber, "2026/11/25/190030-abc", "s:kept-post");
        await index.RecordAsync(TestData.NewSubscriber().Id, "2026/11/26/080000-def", "s:other");

        var (_, ledgerAtLedgerAge, postsAtLedgerAge) = await Sut(Now() + Duration.FromDays(RecordRetention.InboundLedgerDays) + Duration.FromMinutes(5)).RunAsync();
        var postsLeftAtLedgerAge = (await RowsAsync(TableNames.SubscriberPosts)).Count;
        var (_, _, postsLater) = await Sut(Now() + Duration.FromDays(RecordRetention.PostIndexDays) + Duration.FromMinutes(5)).RunAsync();

        Assert.Equal((1, 0, 3), (ledgerAtLedgerAge, postsAtLedgerAge, postsLeftAtLedgerAge));
        Assert.Equal(3, postsLater);
        Assert.Empty(await RowsAsync(TableNames.SubscriberPosts));
    }

    private static string Iso(LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);

    private static Instant Now() => Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow());

    private RecordRetention Sut(Instant now) =>
        new(Harness.Get<IFinishedRecords>(), new FakeTimeProvider(now.ToDateTimeOffset()), NullLogger<RecordRetention>.Instance);

    private static async Task<OutboundJob> SendAsync(IOutbox outbox, JobKind kind, LocalDate date, OutboxOutcome outcome)
    {
        var job = OutboundJob.For(TestData.NewSubscriber().Id, kind, date);
        var claim = await outbox.TryClaimAsync(job, Now());
        switch (outcome)
        {
            case OutboxOutcome.Sent:
                await outbox.MarkSentAsync(job, claim, "sg-1", Now());
                break;
            case OutboxOutcome.Skipped:
                await outbox.MarkSkippedAsync(job, "unsubscribed", Now());
                break;
            default:
                await outbox.MarkUncertainAsync(job, claim, "timeout", Now());
                break;
        }

        return job;
    }

    private async Task<List<TableEntity>> RowsAsync(string table) => await Harness.Table(table).QueryAsync<TableEntity>().ToListAsync();

    private enum OutboxOutcome
    {
        Sent,
        Skipped,
        Uncertain,
    }
}
