using Azure.Data.Tables;
using Compersion.Core.Scheduling;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Compersion.Storage.Sending;
using NodaTime;

namespace Compersion.Storage.Tests.Sending;

public sealed class TableOutboxTests(AzuriteFixture fixture) : StorageTestBase(fixture)
{
    private static readonly Instant Now = Instant.FromUtc(2025, 6, 1, 18, 0);

    private readonly OutboundJob job = OutboundJob.For(SubscriberId.New(), JobKind.Prompt, new LocalDate(2025, 6, 1));

    private IOutbox Outbox => Harness.Get<IOutbox>();

    [Fact]
    public async Task TryClaimAsync_FirstClaim_IsClaimedWithAVersion()
    {
        var claim = await Outbox.TryClaimAsync(job, Now);

        Assert.Equal(OutboxClaimStatus.Claimed, claim.Status);
        Assert.False(string.IsNullOrEmpty(claim.Version));
    }

    [Fact]
    public async Task TryClaimAsync_FreshClaimOfAnother_IsInFlight()
    {
        await Outbox.TryClaimAsync(job, Now);

        var second = await Outbox.TryClaimAsync(job, Now + Duration.FromSeconds(5));

        Assert.Equal(OutboxClaimStatus.InFlight, second.Status);
    }

    [Fact]
    public async Task TryClaimAsync_ClaimThatNeverStarted_IsTakenOverOnceItIsOld()
    {
        await Outbox.TryClaimAsync(job, Now);

        var redelivered = await Outbox.TryClaimAsync(job, Now + Duration.FromSeconds(30));

        Assert.Equal(OutboxClaimStatus.Claimed, redelivered.Status);
    }

    [Fact]
    public async Task TryClaimAsync_StartedRecentlyWithoutOutcome_IsInFlight()
    {
        var first = await Outbox.TryClaimAsync(job, Now);
        await Outbox.TryMarkStartedAsync(job, first, Now);

        var redelivered = await Outbox.TryClaimAsync(job, Now + Duration.FromSeconds(30));

        Assert.Equal(OutboxClaimStatus.InFlight, redelivered.Status);
    }

    [Fact]
    public async Task TryClaimAsync_StartedLongAgoWithoutOutcome_IsClaimedToSendAgain()
    {
        var first = await Outbox.TryClaimAsync(job, Now);
        await Outbox.TryMarkStartedAsync(job, first, Now);

        var redelivered = await Outbox.TryClaimAsync(job, Now + Duration.FromMinutes(3));

        Assert.Equal(OutboxClaimStatus.Claimed, redelivered.Status);
    }

    [Fact]
    public async Task TryMarkStartedAsync_ClaimTakenOverMeanwhile_OnlyTheNewClaimStarts()
    {
        var presumedDead = await Outbox.TryClaimAsync(job, Now);
        var successor = await Outbox.TryClaimAsync(job, Now + Duration.FromSeconds(30));

        var lateStart = await Outbox.TryMarkStartedAsync(job, presumedDead, Now + Duration.FromSeconds(31));
        var successorStart = await Outbox.TryMarkStartedAsync(job, successor, Now + Duration.FromSeconds(31));

        Assert.Null(lateStart);
        Assert.NotNull(successorStart);
    }

    [Fact]
    public async Task TryClaimAsync_AfterMarkSent_IsAlreadySent()
    {
        var claim = await Outbox.TryClaimAsync(job, Now);
        await Outbox.MarkSentAsync(job, claim, "sg-message-1", Now);

        var second = await Outbox.TryClaimAsync(job, Now);

        Assert.Equal(OutboxClaimStatus.AlreadySent, second.Status);
    }

    [Fact]
    public async Task MarkSentAsync_MessageId_IsRecordedOnTheRow()
    {
        var claim = await Outbox.TryClaimAsync(job, Now);

        var recorded = await Outbox.MarkSentAsync(job, claim, "sg-message-1", Now + Duration.FromSeconds(2));

        var (partitionKey, rowKey) = TableOutbox.KeysFor(job);
        var row = (await Harness.Table(TableNames.Outbox).GetEntityAsync<TableEntity>(partitionKey, rowKey)).Value;
        Assert.True(recorded);
        Assert.Equal("Sent", row.GetString("Status"));
        Assert.Equal("sg-message-1", row.GetString("MessageId"));
        Assert.Equal(job.Id, row.GetString("JobId"));
    }

    [Fact]
    public async Task TryClaimAsync_AfterMarkSkipped_IsAlreadySent()
    {
        await Outbox.TryClaimAsync(job, Now);
        await Outbox.MarkSkippedAsync(job, "unsubscribed", Now);

        var second = await Outbox.TryClaimAsync(job, Now);

        Assert.Equal(OutboxClaimStatus.AlreadySent, second.Status);
    }

    [Fact]
    public async Task TryClaimAsync_AfterMarkUncertain_IsHeld()
    {
        var claim = await Outbox.TryClaimAsync(job, Now);
        await Outbox.MarkUncertainAsync(job, claim, "timeout after the request was sent", Now);

        var second = await Outbox.TryClaimAsync(job, Now + Duration.FromHours(1));

        Assert.Equal(OutboxClaimStatus.Held, second.Status);
    }

    [Fact]
    public async Task TryClaimAsync_AfterRelease_IsClaimedAgainOnce()
    {
        var claim = await Outbox.TryClaimAsync(job, Now);
        await Outbox.ReleaseAsync(job, claim, "rate limited before sending", Now);

        var again = await Outbox.TryClaimAsync(job, Now + Duration.FromMinutes(1));
        var thirdTime = await Outbox.TryClaimAsync(job, Now + Duration.FromMinutes(1));

        Assert.Equal(OutboxClaimStatus.Claimed, again.Status);
        Assert.Equal(OutboxClaimStatus.InFlight, thirdTime.Status);
    }

    [Fact]
    public async Task TryClaimAsync_ReleasedAndEightClaimersRace_ExactlyOneIsClaimed()
    {
        var claim = await Outbox.TryClaimAsync(job, Now);
        await Outbox.ReleaseAsync(job, claim, "rate limited before sending", Now);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Outbox.TryClaimAsync(job, Now + Duration.FromMinutes(1))));

        Assert.Single(claims, claim => claim.Status == OutboxClaimStatus.Claimed);
        Assert.All(claims.Where(claim => claim.Status != OutboxClaimStatus.Claimed), claim => Assert.Equal(OutboxClaimStatus.InFlight, claim.Status));
    }

    [Fact]
    public async Task TryClaimAsync_TenConcurrentFirstClaims_ExactlyOneIsClaimed()
    {
        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Outbox.TryClaimAsync(job, Now)));

        Assert.Single(claims, claim => claim.Status == OutboxClaimStatus.Claimed);
    }

    [Fact]
    public async Task TryClaimAsync_SameSubscriberOtherDateOrKind_AreSeparateRows()
    {
        var claim = await Outbox.TryClaimAsync(job, Now);
        await Outbox.MarkSentAsync(job, claim, null, Now);

        var nextDay = await Outbox.TryClaimAsync(OutboundJob.For(job.SubscriberId, JobKind.Prompt, job.LocalDate.PlusDays(1)), Now);
        var digest = await Outbox.TryClaimAsync(OutboundJob.For(job.SubscriberId, JobKind.Digest, job.LocalDate), Now);

        Assert.Equal(OutboxClaimStatus.Claimed, nextDay.Status);
        Assert.Equal(OutboxClaimStatus.Claimed, digest.Status);
    }

    [Theory]
    [InlineData("Sent")]
    [InlineData("Uncertain")]
    [InlineData("Released")]
    public async Task MarkOutcome_LateOutcomeOfATakenOverClaim_SuccessorsSentRowKeptAndNotSentAgain(string lateOutcome)
    {
        var presumedDead = (await Outbox.TryMarkStartedAsync(job, await Outbox.TryClaimAsync(job, Now), Now))!;
        var takeOver = Now + Duration.FromMinutes(3);
        var successor = (await Outbox.TryMarkStartedAsync(job, await Outbox.TryClaimAsync(job, takeOver), takeOver))!;
        await Outbox.MarkSentAsync(job, successor, "sg-successor", takeOver + Duration.FromSeconds(1));

        var late = takeOver + Duration.FromSeconds(2);
        var recorded = lateOutcome switch
        {
            "Sent" => await Outbox.MarkSentAsync(job, presumedDead, "sg-presumed-dead", late),
            "Uncertain" => await Outbox.MarkUncertainAsync(job, presumedDead, "timeout after the request was sent", late),
            _ => await Outbox.ReleaseAsync(job, presumedDead, "connection refused before sending", late),
        };

        var (partitionKey, rowKey) = TableOutbox.KeysFor(job);
        var row = (await Harness.Table(TableNames.Outbox).GetEntityAsync<TableEntity>(partitionKey, rowKey)).Value;
        var furtherDelivery = await Outbox.TryClaimAsync(job, late + Duration.FromMinutes(3));
        Assert.False(recorded);
        Assert.Equal("Sent", row.GetString("Status"));
        Assert.Equal("sg-successor", row.GetString("MessageId"));
        Assert.Equal(OutboxClaimStatus.AlreadySent, furtherDelivery.Status);
    }
}
