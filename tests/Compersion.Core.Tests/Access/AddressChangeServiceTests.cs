using Compersion.Core.Access;
using Compersion.Core.Mail;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Compersion.Core.Subscriptions;
using Compersion.Core.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Access;

/// <summary>A change of address: asked for, confirmed only by the link mailed to the new address, told to the old one, which can undo it for 7 days.</summary>
public sealed class AddressChangeServiceTests
{
    private readonly InMemorySubscriberStore subscribers = new();
    private readonly RecordingMailSender mail = new();
    private readonly RecordingJobQueue jobs = new();
    private readonly RecordingInboundQueue inbound = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task RequestAsync_NewAddress_MailsALinkThereWithNoWayIntoTheJournalAndKeepsTheOldAddress()
    {
        var sut = await CreateSutAsync();

        var outcome = await sut.RequestAsync(Subscriber(), "Alex@New.Example");

        Assert.Equal(AddressRequestOutcome.Sent, outcome);
        var sent = Assert.Single(mail.Sent);
        Assert.Equal("Alex@new.example", sent.To);
        Assert.Null(sent.ReplyTo);
        Assert.Contains($"{PublicBaseUrl}{AddressChangeService.ConfirmPath}?token=", sent.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/settings", sent.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/journal", sent.Text, StringComparison.Ordinal);
        var stored = (await subscribers.FindByIdAsync(AlexId))!;
        Assert.Equal("alex@example.org", stored.Email);
        Assert.Equal("Alex@new.example", stored.PendingAddress?.Email);
    }

    [Fact]
    public async Task RequestAsync_SameNewAddressTwice_OneMailAndItsLinkStillWorks()
    {
        var sut = await CreateSutAsync();

        var first = await sut.RequestAsync(Subscriber(), "alex@new.example");
        var second = await sut.RequestAsync(Subscriber(), "alex@new.example");
        var confirmed = await sut.ConfirmAsync(Token(mail.Sent[0]));

        Assert.Equal(AddressRequestOutcome.Sent, first);
        Assert.Equal(AddressRequestOutcome.AlreadySent, second);
        Assert.Equal(AddressConfirmOutcome.Done, confirmed);
        Assert.Single(mail.Sent);
        Assert.Single(jobs.Jobs);
    }

    [Theory]
    [InlineData("not an address", AddressRequestOutcome.Invalid)]
    [InlineData("", AddressRequestOutcome.Invalid)]
    [InlineData("ALEX@example.org", AddressRequestOutcome.Same)]
    public async Task RequestAsync_NoUsableNewAddress_NothingSentNothingPending(string address, AddressRequestOutcome expected)
    {
        var sut = await CreateSutAsync();

        var outcome = await sut.RequestAsync(Subscriber(), address);

        Assert.Equal(expected, outcome);
        Assert.Empty(mail.Sent);
        Assert.Null((await subscribers.FindByIdAsync(AlexId))!.PendingAddress);
    }

    [Fact]
    public async Task RequestAsync_MailRefused_NothingPendingSoAskingAgainSendsAgain()
    {
        var sut = await CreateSutAsync();
        mail.Answer = SendResult.NotSent("connection refused");

        var refused = await sut.RequestAsync(Subscriber(), "alex@new.example");
        mail.Answer = SendResult.Sent("sg-2");
        var again = await sut.RequestAsync(Subscriber(), "alex@new.example");

        Assert.Equal(AddressRequestOutcome.NotSent, refused);
        Assert.Equal(AddressRequestOutcome.Sent, again);
    }

    [Fact]
    public async Task ConfirmAsync_LatestLink_MovesTheAddressAndQueuesANoticeToTheOldOneWhoseOnlyLinkUndoes()
    {
        var sut = await CreateSutAsync();
        await sut.RequestAsync(Subscriber(), "alex@new.example");
        var token = Token(mail.Sent[0]);

        var opened = await sut.OpenAsync(token);
        var unchangedByOpening = (await subscribers.FindByIdAsync(AlexId))!.Email;
        var confirmed = await sut.ConfirmAsync(token);
        var again = await sut.ConfirmAsync(token);

        Assert.Equal((AddressConfirmOutcome.Open, "alex@new.example"), opened);
        Assert.Equal("alex@example.org", unchangedByOpening);
        Assert.Equal(AddressConfirmOutcome.Done, confirmed);
        Assert.Equal(AddressConfirmOutcome.Done, again);
        var stored = (await subscribers.FindByIdAsync(AlexId))!;
        Assert.Equal("alex@new.example", stored.Email);
        Assert.Null(stored.PendingAddress);
        Assert.Equal(EmailAddress.Hash("alex@example.org"), stored.PreviousEmailHash);
        // The second click queues the same job again, which the outbox sends once (one job id, one notice).
        var job = Assert.Single(jobs.Jobs.DistinctBy(j => j.Id));
        Assert.Equal((AlexId, Core.Scheduling.JobKind.AddressMoved), (job.SubscriberId, job.Kind));
        Assert.Single(mail.Sent);
        var notice = Notice(stored)!;
        Assert.Equal("alex@example.org", notice.To);
        Assert.Contains("a•••@new.example", notice.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("alex@new.example", notice.Text, StringComparison.Ordinal);
        Assert.Contains(PublicBaseUrl + "/api/address/undo?token=", notice.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/settings", notice.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/journal", notice.Text, StringComparison.Ordinal);
        Assert.Null(notice.ReplyTo);
    }

    [Fact]
    public async Task ConfirmAsync_QueueDownAfterTheMove_ClickingAgainTheNextDayQueuesTheNoticeOfThatMove()
    {
        var sut = await CreateSutAsync();
        await sut.RequestAsync(Subscriber(), "alex@new.example");
        var token = Token(mail.Sent[0]);
        jobs.FailNext = 1;

        await Assert.ThrowsAsync<InvalidOperationException>(() => sut.ConfirmAsync(token));
        var movedWithoutNotice = (await subscribers.FindByIdAsync(AlexId))!.Email;
        time.Advance(TimeSpan.FromHours(20));
        var opened = await sut.OpenRequestAsync(token);
        var clickedAgain = await sut.ConfirmAsync(token);

        Assert.Equal("alex@new.example", movedWithoutNotice);
        Assert.Equal((AddressConfirmOutcome.Done, (PendingAddress?)null), opened);
        Assert.Equal(AddressConfirmOutcome.Done, clickedAgain);
        var job = Assert.Single(jobs.Jobs);
        Assert.Equal((Core.Scheduling.JobKind.AddressMoved, new NodaTime.LocalDate(2026, 11, 25)), (job.Kind, job.LocalDate));
        Assert.Equal("alex@example.org", Notice((await subscribers.FindByIdAsync(AlexId))!)!.To);
    }

    [Fact]
    public async Task ConfirmAsync_LinkOfAMoveUndoneSince_ConfirmsNothingAndQueuesNothing()
    {
        var sut = await CreateSutAsync();
        var undo = await MoveAsync(sut, "alex@new.example");
        var token = Token(mail.Sent[0]);
        Assert.Equal(AddressUndoOutcome.Done, await sut.UndoAsync(undo));

        var again = await sut.ConfirmAsync(token);

        Assert.Equal(AddressConfirmOutcome.NotPending, again);
        Assert.Single(jobs.Jobs);
        Assert.Equal("alex@example.org", (await subscribers.FindByIdAsync(AlexId))!.Email);
    }

    [Fact]
    public async Task UndoAsync_WithinSevenDays_MailMovesBackOnceAndLinksMailedToTheNewAddressLapse()
    {
        var sut = await CreateSutAsync();
        var undo = await MoveAsync(sut, "alex@new.example");
        time.Advance(TimeSpan.FromDays(6));

        var opened = await sut.OpenUndoAsync(undo);
        var stillMoved = (await subscribers.FindByIdAsync(AlexId))!.Email;
        var undone = await sut.UndoAsync(undo);
        var again = await sut.UndoAsync(undo);

        Assert.Equal((AddressUndoOutcome.Open, "alex@example.org"), opened);
        Assert.Equal("alex@new.example", stillMoved);
        Assert.Equal((AddressUndoOutcome.Done, AddressUndoOutcome.NotPending), (undone, again));
        var stored = (await subscribers.FindByIdAsync(AlexId))!;
        Assert.Equal("alex@example.org", stored.Email);
        Assert.Null(stored.MovedFrom);
        Assert.Equal(EmailAddress.Hash("alex@new.example"), stored.PreviousEmailHash);
        Assert.True(stored.Predates(Instant.FromDateTimeOffset(time.GetUtcNow()) + NodaTime.Duration.FromHours(20), NodaTime.Duration.FromHours(24)));
        Assert.Null(await subscribers.FindByEmailAsync("alex@new.example"));
    }

    [Fact]
    public async Task UndoAsync_AfterSevenDays_NothingChanged()
    {
        var sut = await CreateSutAsync();
        var undo = await MoveAsync(sut, "alex@new.example");
        time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        var outcome = await sut.UndoAsync(undo);

        Assert.Equal(AddressUndoOutcome.NotPending, outcome);
        Assert.Equal("alex@new.example", (await subscribers.FindByIdAsync(AlexId))!.Email);
        Assert.Null(Notice((await subscribers.FindByIdAsync(AlexId))!));
    }

    [Fact]
    public async Task UndoAsync_AddressChangedAgainSince_TheFirstNoticesLinkUndoesNothing()
    {
        var sut = await CreateSutAsync();
        var first = await MoveAsync(sut, "alex@new.example");
        var second = await MoveAsync(sut, "alex@newer.example");

        var outcome = await sut.UndoAsync(first);

        Assert.Equal(AddressUndoOutcome.NotPending, outcome);
        Assert.Equal("alex@newer.example", (await subscribers.FindByIdAsync(AlexId))!.Email);
        Assert.Equal(AddressUndoOutcome.Done, await sut.UndoAsync(second));
        Assert.Equal("alex@new.example", (await subscribers.FindByIdAsync(AlexId))!.Email);
    }

    [Fact]
    public async Task UndoAsync_OldAddressSignedUpBySomeoneMeanwhile_TakenAndNothingChanged()
    {
        var sut = await CreateSutAsync();
        var undo = await MoveAsync(sut, "alex@new.example");
        await subscribers.AddOrGetAsync(Subscriber(SamId) with { Email = "alex@example.org" });

        var outcome = await sut.UndoAsync(undo);

        Assert.Equal(AddressUndoOutcome.Taken, outcome);
        Assert.Equal("alex@new.example", (await subscribers.FindByIdAsync(AlexId))!.Email);
    }

    [Theory]
    [InlineData(6, true)]
    [InlineData(8, false)]
    public async Task RecordReplyAsync_DaysAfterAMove_TheOldAddressKeptOnlyWhileItCanUndo(int days, bool kept)
    {
        var sut = await CreateSutAsync();
        await MoveAsync(sut, "alex@new.example");
        time.Advance(TimeSpan.FromDays(days));
        var settings = new SettingsService(subscribers, new UnusedScheduleStore(), time);

        await settings.RecordReplyAsync((await subscribers.FindByIdAsync(AlexId))!, new LocalDate(2026, 11, 25).PlusDays(days));

        Assert.Equal(kept, (await subscribers.FindByIdAsync(AlexId))!.MovedFrom?.Email == "alex@example.org");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    public async Task UndoAsync_NotAnUndoLink_Invalid(string token)
    {
        var sut = await CreateSutAsync();
        var settingsToken = Signer().ForLink(TokenPurpose.Settings, AlexId, Instant.FromDateTimeOffset(time.GetUtcNow()) + NodaTime.Duration.FromHours(1));

        Assert.Equal(AddressUndoOutcome.Invalid, await sut.UndoAsync(token));
        Assert.Equal(AddressUndoOutcome.Invalid, await sut.UndoAsync(settingsToken));
    }

    [Fact]
    public async Task OpenAsync_LinkOfThePendingRequest_ShowsItsAddressAndChangesNothing()
    {
        var sut = await CreateSutAsync();
        await sut.RequestAsync(Subscriber(), "alex@new.example");

        var (outcome, address) = await sut.OpenAsync(Token(mail.Sent[0]));

        Assert.Equal(AddressConfirmOutcome.Open, outcome);
        Assert.Equal("alex@new.example", address);
        Assert.Equal("alex@example.org", (await subscribers.FindByIdAsync(AlexId))!.Email);
    }

    [Fact]
    public async Task OpenAsync_UndoLinkOrSubscriberGone_InvalidOrGoneWithNoAddress()
    {
        var sut = await CreateSutAsync();
        var undo = await MoveAsync(sut, "alex@new.example");
        await sut.RequestAsync((await subscribers.FindByIdAsync(AlexId))!, "alex@third.example");
        var confirm = Token(mail.Sent[^1]);

        var wrongPurpose = await sut.OpenAsync(undo);
        subscribers.Remove(AlexId);
        var gone = await sut.OpenAsync(confirm);

        Assert.Equal((AddressConfirmOutcome.Invalid, (string?)null), wrongPurpose);
        Assert.Equal((AddressConfirmOutcome.Gone, (string?)null), gone);
    }

    [Fact]
    public async Task OpenUndoAsync_LinkFromTheNotice_ShowsTheOldAddressAndChangesNothing()
    {
        var sut = await CreateSutAsync();
        var undo = await MoveAsync(sut, "alex@new.example");

        var (outcome, address) = await sut.OpenUndoAsync(undo);

        Assert.Equal(AddressUndoOutcome.Open, outcome);
        Assert.Equal("alex@example.org", address);
        Assert.Equal("alex@new.example", (await subscribers.FindByIdAsync(AlexId))!.Email);
    }

    [Fact]
    public async Task OpenUndoAsync_ConfirmLinkOrSubscriberGone_InvalidOrGoneWithNoAddress()
    {
        var sut = await CreateSutAsync();
        await sut.RequestAsync(Subscriber(), "alex@new.example");
        var confirm = Token(mail.Sent[0]);
        var undo = await MoveAsync(sut, "alex@new.example");

        var wrongPurpose = await sut.OpenUndoAsync(confirm);
        subscribers.Remove(AlexId);
        var gone = await sut.OpenUndoAsync(undo);

        Assert.Equal((AddressUndoOutcome.Invalid, (string?)null), wrongPurpose);
        Assert.Equal((AddressUndoOutcome.Gone, (string?)null), gone);
    }

    // Asks for the move and confirms it by the link mailed to the new address; returns the undo link's token from the notice.
    private async Task<string> MoveAsync(AddressChangeService sut, string address)
    {
        await sut.RequestAsync((await subscribers.FindByIdAsync(AlexId))!, address);
        Assert.Equal(AddressConfirmOutcome.Done, await sut.ConfirmAsync(Token(mail.Sent[^1])));
        return Token(Notice((await subscribers.FindByIdAsync(AlexId))!)!);
    }

    private OutgoingMail? Notice(Subscriber subscriber) =>
        new AddressMovedNotice(Signer(), new NoteComposer(MailSettings(), Signer(), time), MailSettings()).Compose(subscriber, Instant.FromDateTimeOffset(time.GetUtcNow()), "job");

    [Fact]
    public async Task ConfirmAsync_LinkOfAnEarlierRequest_ConfirmsNothing()
    {
        var sut = await CreateSutAsync();
        await sut.RequestAsync(Subscriber(), "alex@typo.example");
        await sut.RequestAsync(Subscriber(), "alex@new.example");

        var earlier = await sut.ConfirmAsync(Token(mail.Sent[0]));
        var latest = await sut.ConfirmAsync(Token(mail.Sent[1]));

        Assert.Equal(AddressConfirmOutcome.NotPending, earlier);
        Assert.Equal(AddressConfirmOutcome.Done, latest);
        Assert.Equal("alex@new.example", (await subscribers.FindByIdAsync(AlexId))!.Email);
    }

    [Fact]
    public async Task ConfirmAsync_After24Hours_ConfirmsNothing()
    {
        var sut = await CreateSutAsync();
        await sut.RequestAsync(Subscriber(), "alex@new.example");

        time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var outcome = await sut.ConfirmAsync(Token(mail.Sent[0]));

        Assert.Equal(AddressConfirmOutcome.NotPending, outcome);
        Assert.Equal("alex@example.org", (await subscribers.FindByIdAsync(AlexId))!.Email);
    }

    [Fact]
    public async Task ConfirmAsync_AddressAnotherSubscriberHas_TakenAndNothingChanged()
    {
        var sut = await CreateSutAsync();
        await subscribers.AddOrGetAsync(Subscriber(SamId) with { Email = "sam@example.org" });
        await sut.RequestAsync(Subscriber(), "sam@example.org");

        var outcome = await sut.ConfirmAsync(Token(mail.Sent[0]));

        Assert.Equal(AddressConfirmOutcome.Taken, outcome);
        Assert.Equal("alex@example.org", (await subscribers.FindByIdAsync(AlexId))!.Email);
        Assert.Single(mail.Sent);
    }

    [Theory]
    [InlineData("settings")]
    [InlineData("tampered")]
    public async Task ConfirmAsync_NotAnAddressLink_Invalid(string kind)
    {
        var sut = await CreateSutAsync();
        await sut.RequestAsync(Subscriber(), "alex@new.example");
        var token = Token(mail.Sent[0]);
        var attack = kind == "settings"
            ? Signer().ForLink(TokenPurpose.Settings, AlexId, NodaTime.Instant.FromUtc(2026, 11, 26, 0, 0))
            : token[..^1] + (token[^1] == 'a' ? 'b' : 'a');

        var outcome = await sut.ConfirmAsync(attack);

        Assert.Equal(AddressConfirmOutcome.Invalid, outcome);
        Assert.Equal("alex@example.org", (await subscribers.FindByIdAsync(AlexId))!.Email);
    }

    [Fact]
    public void Predates_LinkMailedBeforeTheMove_True()
    {
        var moved = Subscriber() with { PendingAddress = new PendingAddress("alex@new.example", 7, Utc("2026-11-26T12:00:00Z")) };
        moved = moved.ConfirmAddress(7, Utc("2026-11-25T12:00:00Z"));

        Assert.True(moved.Predates(Utc("2026-11-26T11:00:00Z"), NodaTime.Duration.FromHours(24)));
        Assert.False(moved.Predates(Utc("2026-11-26T12:30:00Z"), NodaTime.Duration.FromHours(24)));
    }

    [Fact]
    public async Task ConfirmAsync_FurtherAddress_AddedBesideTheRegisteredOneWhichIsTold()
    {
        var sut = await CreateSutAsync();
        await sut.RequestAsync(Subscriber(), "alex@work.example", extra: true);
        var link = Assert.Single(mail.Sent);

        var opened = await sut.OpenRequestAsync(Token(link));
        var outcome = await sut.ConfirmAsync(Token(link));

        Assert.Equal("alex@work.example", link.To);
        Assert.Null(link.ReplyTo);
        Assert.True(opened.Request?.Extra);
        Assert.Equal(AddressConfirmOutcome.Added, outcome);
        var stored = (await subscribers.FindByIdAsync(AlexId))!;
        Assert.Equal(("alex@example.org", null), (stored.Email, stored.PendingAddress));
        Assert.Equal(["alex@work.example"], stored.Extras);
        var told = mail.Sent[1];
        Assert.Equal("alex@example.org", told.To);
        Assert.Contains("REMOVE ADDRESS alex@work.example", told.Text, StringComparison.Ordinal);
        Assert.NotNull(told.ReplyTo);
    }

    [Fact]
    public async Task ConfirmAsync_FurtherAddressThatIsAnotherSubscribersFurtherAddress_TakenAndNothingAdded()
    {
        var sut = await CreateSutAsync();
        await subscribers.AddOrGetAsync(Subscriber(SamId) with { Email = "sam@example.org", ExtraAddresses = ["shared@work.example"] });
        await sut.RequestAsync(Subscriber(), "shared@work.example", extra: true);

        var outcome = await sut.ConfirmAsync(Token(mail.Sent[0]));

        Assert.Equal(AddressConfirmOutcome.Taken, outcome);
        Assert.Empty((await subscribers.FindByIdAsync(AlexId))!.Extras);
    }

    [Theory]
    [InlineData("alex@example.org")]
    [InlineData("alex@work.example")]
    public async Task RequestAsync_FurtherAddressThatIsAlreadyTheirs_SameAndNothingSent(string address)
    {
        var sut = await CreateSutAsync();
        await subscribers.UpdateAsync(AlexId, s => s with { ExtraAddresses = ["alex@work.example"] });

        var outcome = await sut.RequestAsync((await subscribers.FindByIdAsync(AlexId))!, address, extra: true);

        Assert.Equal(AddressRequestOutcome.Same, outcome);
        Assert.Empty(mail.Sent);
    }

    [Fact]
    public async Task ConfirmAsync_RepliesQuarantinedFromThatAddress_QueuedToBeReadAgainAndForgotten()
    {
        var sut = await CreateSutAsync();
        await subscribers.UpdateAsync(AlexId, s => s
            .RememberStrangerPost("alex@work.example", "2026/11/24/post-1")
            .RememberStrangerPost("tom@elsewhere.example", "2026/11/24/post-2")
            .RememberStrangerPost("Alex@Work.example", "2026/11/25/post-3"));
        await sut.RequestAsync((await subscribers.FindByIdAsync(AlexId))!, "alex@work.example", extra: true);

        var outcome = await sut.ConfirmAsync(Token(Assert.Single(mail.Sent)));
        var again = await sut.ConfirmAsync(Token(mail.Sent[0]));

        Assert.Equal((AddressConfirmOutcome.Added, AddressConfirmOutcome.NotPending), (outcome, again));
        Assert.Equal(["2026/11/24/post-1", "2026/11/25/post-3"], inbound.Queued);
        var left = (await subscribers.FindByIdAsync(AlexId))!.StrangerPosts!;
        Assert.Single(left);
        Assert.EndsWith(" 2026/11/24/post-2", left[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmAsync_QueueingWhatItSentBeforeFailsOnce_RememberedAndTheLinksButtonOfferedAgainUntilItQueuesThem()
    {
        var sut = await CreateSutAsync();
        await subscribers.UpdateAsync(AlexId, s => s
            .RememberStrangerPost("alex@work.example", "2026/11/24/post-1")
            .RememberStrangerPost("alex@work.example", "2026/11/25/post-2"));
        await sut.RequestAsync((await subscribers.FindByIdAsync(AlexId))!, "alex@work.example", extra: true);
        inbound.FailuresAhead = 1;

        var token = Token(Assert.Single(mail.Sent));

        await Assert.ThrowsAsync<InvalidOperationException>(() => sut.ConfirmAsync(token));
        var afterFailure = (await subscribers.FindByIdAsync(AlexId))!;
        var reopened = await sut.OpenRequestAsync(token);
        var again = await sut.ConfirmAsync(token);
        var third = await sut.ConfirmAsync(token);

        Assert.Equal(["alex@work.example"], afterFailure.Extras);
        Assert.Equal(2, afterFailure.StrangerPosts?.Count);
        Assert.Equal((AddressConfirmOutcome.Open, "alex@work.example", true), (reopened.Outcome, reopened.Request?.Email, reopened.Request?.Extra));
        Assert.Equal((AddressConfirmOutcome.Added, AddressConfirmOutcome.NotPending), (again, third));
        Assert.Equal(["2026/11/24/post-1", "2026/11/25/post-2"], inbound.Queued);
        Assert.Null((await subscribers.FindByIdAsync(AlexId))!.StrangerPosts);
        Assert.Equal(AddressConfirmOutcome.NotPending, (await sut.OpenRequestAsync(token)).Outcome);
        Assert.Single(mail.Sent, sent => sent.To == "alex@example.org");
    }

    [Fact]
    public async Task ConfirmAsync_NothingQuarantinedFromThatAddress_QueuesNothing()
    {
        var sut = await CreateSutAsync();
        await sut.RequestAsync(Subscriber(), "alex@new.example");

        Assert.Equal(AddressConfirmOutcome.Done, await sut.ConfirmAsync(Token(Assert.Single(mail.Sent))));

        Assert.Empty(inbound.Queued);
    }

    [Fact]
    public async Task RemoveAsync_FurtherAddress_GoneAndASecondRemoveFindsNothing()
    {
        var sut = await CreateSutAsync();
        await subscribers.UpdateAsync(AlexId, s => s with { ExtraAddresses = ["alex@work.example", "alex@alias.example"] });

        var removed = await sut.RemoveAsync(Subscriber(), "Alex@Work.example");
        var again = await sut.RemoveAsync(Subscriber(), "alex@work.example");

        Assert.True(removed);
        Assert.False(again);
        Assert.Equal(["alex@alias.example"], (await subscribers.FindByIdAsync(AlexId))!.Extras);
    }

    private static string Token(OutgoingMail sent)
    {
        var start = sent.Text.IndexOf("token=", StringComparison.Ordinal) + "token=".Length;
        return sent.Text[start..(start + TokenSigner.EncodedLength)];
    }

    private async Task<AddressChangeService> CreateSutAsync()
    {
        await subscribers.AddOrGetAsync(Subscriber());
        return new AddressChangeService(Signer(), subscribers, new NoteComposer(MailSettings(), Signer(), time), mail, jobs, MailSettings(), time, inbound, NullLogger<AddressChangeService>.Instance);
    }
}
