using Compersion.Core.Inbound;
using Compersion.Core.Sending;
using NodaTime;

namespace Compersion.Storage.Tests.Inbound;

/// <summary>The answer to a reply (its receipt or command confirmation) survives a worker that dies around the send.</summary>
public sealed class TableInboundLedgerTests(AzuriteFixture fixture) : StorageTestBase(fixture)
{
    private static readonly Instant Now = Instant.FromUtc(2026, 1, 15, 20, 0);

    private readonly string key = "m:" + Guid.NewGuid().ToString("N");

    private IInboundLedger Ledger => Harness.Get<IInboundLedger>();

    [Fact]
    public async Task FindAsync_StoredRowAndMissingRow_StageAndOwnerOrNothing()
    {
        await Ledger.BeginAsync(key, "archive-1");
        await Ledger.AdvanceAsync(key, InboundStage.Stored, "abcdefghijklmnop", null);

        var found = await Ledger.FindAsync(key);
        var missing = await Ledger.FindAsync(key + "x");

        Assert.Equal(new InboundLedgerRow(InboundStage.Stored, "abcdefghijklmnop", "archive-1"), found);
        Assert.Null(missing);
    }

    [Fact]
    public async Task TryClaimAnswerAsync_AnotherDeliveryJustClaimed_IsInFlight()
    {
        await Ledger.BeginAsync(key, "archive-1");
        await Ledger.TryClaimAnswerAsync(key, Now);

        var second = await Ledger.TryClaimAnswerAsync(key, Now + Duration.FromSeconds(5));

        Assert.Equal(OutboxClaimStatus.InFlight, second.Status);
    }

    [Fact]
    public async Task TryClaimAnswerAsync_ClaimThatNeverStarted_IsTakenOverAndOnlyTheNewClaimStarts()
    {
        await Ledger.BeginAsync(key, "archive-1");
        var presumedDead = await Ledger.TryClaimAnswerAsync(key, Now);

        var redelivered = await Ledger.TryClaimAnswerAsync(key, Now + Duration.FromSeconds(30));
        var lateStart = await Ledger.TryStartAnswerAsync(key, presumedDead, Now + Duration.FromSeconds(31));
        var start = await Ledger.TryStartAnswerAsync(key, redelivered, Now + Duration.FromSeconds(31));

        Assert.Equal(OutboxClaimStatus.Claimed, redelivered.Status);
        Assert.False(lateStart);
        Assert.True(start);
    }

    [Fact]
    public async Task TryClaimAnswerAsync_StartedAndNeverFinished_IsInFlightThenClaimedToSendAgain()
    {
        await Ledger.BeginAsync(key, "archive-1");
        var first = await Ledger.TryClaimAnswerAsync(key, Now);
        await Ledger.TryStartAnswerAsync(key, first, Now);

        var soon = await Ledger.TryClaimAnswerAsync(key, Now + Duration.FromSeconds(30));
        var later = await Ledger.TryClaimAnswerAsync(key, Now + Duration.FromMinutes(3));

        Assert.Equal(OutboxClaimStatus.InFlight, soon.Status);
        Assert.Equal(OutboxClaimStatus.Claimed, later.Status);
    }

    [Fact]
    public async Task TryClaimAnswerAsync_AfterDone_IsAlreadySent()
    {
        await Ledger.BeginAsync(key, "archive-1");
        var claim = await Ledger.TryClaimAnswerAsync(key, Now);
        await Ledger.TryStartAnswerAsync(key, claim, Now);
        await Ledger.AdvanceAsync(key, InboundStage.Done, "subscriber", null);

        var again = await Ledger.TryClaimAnswerAsync(key, Now + Duration.FromMinutes(3));

        Assert.Equal(OutboxClaimStatus.AlreadySent, again.Status);
    }

    [Fact]
    public async Task ReattributeAsync_QuarantinedMessage_DoneOnceAndFindableWithoutCreatingRows()
    {
        var unseen = await Ledger.FindAsync(key);
        await Ledger.BeginAsync(key, "archive-1");
        await Ledger.AdvanceAsync(key, InboundStage.Quarantined, null, "unknown-sender");

        var first = await Ledger.ReattributeAsync(key, "subscriber");
        var second = await Ledger.ReattributeAsync(key, "subscriber");

        Assert.Null(unseen);
        Assert.True(first);
        Assert.False(second);
        var row = await Ledger.FindAsync(key);
        Assert.Equal((InboundStage.Done, "subscriber"), (row!.Stage, row.SubscriberId));
    }
}
