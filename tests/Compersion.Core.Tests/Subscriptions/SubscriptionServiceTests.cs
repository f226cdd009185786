using Compersion.Core.Mail;
using Compersion.Core.Scheduling;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Compersion.Core.Subscriptions;
using Compersion.Core.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Subscriptions;

/// <summary>
/// Signing up with an address that is already a profile's (registered or further): nothing in the profile changes until
/// the link mailed to the address typed is followed, and only then are the settings typed applied.
/// </summary>
public sealed class SubscriptionServiceTests
{
    private const string Work = "alex@work.example";

    private static readonly SignUpRequest Typed = new(Work, "America/New_York", new LocalTime(7, 30), IsoDayOfWeek.Monday, new LocalTime(9, 0), KindnessGoal: 3);

    private readonly InMemorySubscriberStore subscribers = new();
    private readonly InMemoryScheduleStore schedule = new();
    private readonly RecordingJobQueue jobs = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(SubscriberStatus.Unsubscribed)]
    [InlineData(SubscriberStatus.Pending)]
    public async Task SignUpAsync_FurtherAddressOfALeftOrPendingSubscriber_ProfileUnchangedAndConfirmationToTheAddressTyped(SubscriberStatus status)
    {
        var before = await StoreAsync(Subscriber() with { Status = status, ExtraAddresses = [Work] });
        var sut = CreateSut();

        var outcome = await sut.SignUpAsync(Typed);

        Assert.Equal(SignUpOutcome.ConfirmationQueued, outcome);
        var stored = (await subscribers.FindByIdAsync(AlexId))!;
        Assert.Equal(before, stored with { SignUp = null });
        Assert.Equal(Work, stored.SignUp?.Email);
        var job = Assert.Single(jobs.Jobs);
        Assert.Equal(JobKind.Confirm, job.Kind);
        var mail = Confirmation(stored);
        Assert.Equal(Work, mail.To);
        Assert.Contains("07:30 New York time", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Berlin", mail.Text, StringComparison.Ordinal);
        Assert.Empty(schedule.Rows);
    }

    [Fact]
    public async Task ConfirmAsync_LinkMailedToTheFurtherAddressTyped_AppliesTheSettingsTypedThenAndMailStaysWithTheRegisteredAddress()
    {
        await StoreAsync(Subscriber() with { Status = SubscriberStatus.Unsubscribed, ExtraAddresses = [Work] });
        var sut = CreateSut();
        await sut.SignUpAsync(Typed);
        var token = Token(Confirmation((await subscribers.FindByIdAsync(AlexId))!));
        time.Advance(TimeSpan.FromHours(1));

        var opened = await sut.OpenConfirmationAsync(token);
        var unchanged = (await subscribers.FindByIdAsync(AlexId))!;
        var confirmed = await sut.ConfirmAsync(token);

        Assert.Equal(LinkOutcome.Pending, opened);
        Assert.Equal(SubscriberStatus.Unsubscribed, unchanged.Status);
        Assert.Equal("Europe/Berlin", unchanged.Zone);
        Assert.Equal(LinkOutcome.Done, confirmed);
        var active = (await subscribers.FindByIdAsync(AlexId))!;
        Assert.Equal(SubscriberStatus.Active, active.Status);
        Assert.Equal("alex@example.org", active.Email);
        Assert.Equal([Work], active.Extras);
        Assert.Equal(("America/New_York", new LocalTime(7, 30), IsoDayOfWeek.Monday, new LocalTime(9, 0), 3), (active.Zone, active.PromptTime, active.DigestDay, active.DigestTime, active.KindnessGoal));
        Assert.Null(active.SignUp);
        Assert.Contains(jobs.Jobs, job => job.Kind == JobKind.Welcome);
        Assert.Contains(schedule.Rows, row => row.Kind == JobKind.Prompt && row.Zone == "America/New_York" && row.LocalTime == new LocalTime(7, 30));
        Assert.Equal(LinkOutcome.AlreadyDone, await sut.ConfirmAsync(token));
    }

    [Fact]
    public async Task SignUpAsync_RegisteredAddressOfAnUnsubscribedSubscriberWithNewSettings_NothingChangesUntilTheClick()
    {
        var before = await StoreAsync(Subscriber() with { Status = SubscriberStatus.Unsubscribed });
        var sut = CreateSut();

        await sut.SignUpAsync(Typed with { Email = "alex@example.org" });
        var waiting = (await subscribers.FindByIdAsync(AlexId))!;
        var mail = Confirmation(waiting);
        var confirmed = await sut.ConfirmAsync(Token(mail));

        Assert.Equal(before, waiting with { SignUp = null });
        Assert.Equal("alex@example.org", mail.To);
        Assert.Equal(LinkOutcome.Done, confirmed);
        var active = (await subscribers.FindByIdAsync(AlexId))!;
        Assert.Equal((SubscriberStatus.Active, "America/New_York", 3), (active.Status, active.Zone, active.KindnessGoal));
    }

    [Fact]
    public async Task SignUpAsync_TypedAgainTheSameDay_TheFirstRequestMailedTodayStaysAndItsLinkAppliesItsSettings()
    {
        await StoreAsync(Subscriber() with { Status = SubscriberStatus.Unsubscribed, ExtraAddresses = [Work] });
        var sut = CreateSut();
        await sut.SignUpAsync(Typed);
        var mail = Confirmation((await subscribers.FindByIdAsync(AlexId))!);
        time.Advance(TimeSpan.FromHours(2));

        await sut.SignUpAsync(Typed with { Email = "alex@example.org", Zone = "Asia/Tokyo" });
        var confirmed = await sut.ConfirmAsync(Token(mail));

        Assert.Equal(LinkOutcome.Done, confirmed);
        Assert.Equal("America/New_York", (await subscribers.FindByIdAsync(AlexId))!.Zone);
        var confirmations = jobs.Jobs.Where(job => job.Kind == JobKind.Confirm).ToList();
        Assert.Equal(2, confirmations.Count);
        Assert.Single(confirmations.Select(job => job.Id).Distinct());
    }

    [Fact]
    public async Task ConfirmAsync_LinkOfAnEarlierDaysRequest_InvalidOnceANewerRequestWaitsAndChangesNothing()
    {
        await StoreAsync(Subscriber() with { Status = SubscriberStatus.Unsubscribed, ExtraAddresses = [Work] });
        var sut = CreateSut();
        await sut.SignUpAsync(Typed);
        var first = Confirmation((await subscribers.FindByIdAsync(AlexId))!);
        time.Advance(TimeSpan.FromDays(1));
        await sut.SignUpAsync(Typed with { Zone = "Asia/Tokyo" });
        var second = Confirmation((await subscribers.FindByIdAsync(AlexId))!);

        var stale = await sut.ConfirmAsync(Token(first));
        var stored = (await subscribers.FindByIdAsync(AlexId))!;
        var fresh = await sut.ConfirmAsync(Token(second));

        Assert.Equal(LinkOutcome.Invalid, stale);
        Assert.Equal((SubscriberStatus.Unsubscribed, "Europe/Berlin"), (stored.Status, stored.Zone));
        Assert.Equal(LinkOutcome.Done, fresh);
        Assert.Equal("Asia/Tokyo", (await subscribers.FindByIdAsync(AlexId))!.Zone);
    }

    [Fact]
    public async Task ConfirmAsync_LinkOfARequestAfterItsThreeDays_ExpiredAndNothingChanges()
    {
        var before = await StoreAsync(Subscriber() with { Status = SubscriberStatus.Unsubscribed, ExtraAddresses = [Work] });
        var sut = CreateSut();
        await sut.SignUpAsync(Typed);
        var mail = Confirmation((await subscribers.FindByIdAsync(AlexId))!);
        time.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));

        var outcome = await sut.ConfirmAsync(Token(mail));

        Assert.Equal(LinkOutcome.Expired, outcome);
        Assert.Equal(before, (await subscribers.FindByIdAsync(AlexId))! with { SignUp = null });
    }

    [Theory]
    [InlineData(SubscriberStatus.Active, "alex@example.org")]
    [InlineData(SubscriberStatus.Active, Work)]
    [InlineData(SubscriberStatus.Paused, Work)]
    public async Task SignUpAsync_AddressOfAnActiveOrPausedSubscriber_NothingSentNothingChanged(SubscriberStatus status, string typed)
    {
        var before = await StoreAsync(Subscriber() with { Status = status, ExtraAddresses = [Work] });
        var sut = CreateSut();

        var outcome = await sut.SignUpAsync(Typed with { Email = typed });

        Assert.Equal(SignUpOutcome.AlreadyActive, outcome);
        Assert.Empty(jobs.Jobs);
        Assert.Equal(before, await subscribers.FindByIdAsync(AlexId));
    }

    [Fact]
    public async Task SignUpAsync_NewAddress_PendingProfileWithTheSettingsTypedAndItsFirstLinkConfirms()
    {
        var sut = CreateSut();

        var outcome = await sut.SignUpAsync(Typed with { Email = "sam@example.org" });
        var pending = (await subscribers.FindByEmailAsync("sam@example.org"))!;
        var confirmed = await sut.ConfirmAsync(Token(Confirmation(pending)));

        Assert.Equal(SignUpOutcome.ConfirmationQueued, outcome);
        Assert.Equal((SubscriberStatus.Pending, "America/New_York", (PendingSignUp?)null), (pending.Status, pending.Zone, pending.SignUp));
        Assert.Equal(LinkOutcome.Done, confirmed);
        Assert.Equal(SubscriberStatus.Active, (await subscribers.FindByIdAsync(pending.Id))!.Status);
    }

    private async Task<Subscriber> StoreAsync(Subscriber subscriber) => await subscribers.AddOrGetAsync(subscriber);

    // What the outbox sends for the queued confirmation job.
    private OutgoingMail Confirmation(Subscriber subscriber) =>
        new ConfirmationComposer(Signer(), MailSettings()).Compose(subscriber, Instant.FromDateTimeOffset(time.GetUtcNow()), "job");

    private static string Token(OutgoingMail sent)
    {
        var start = sent.Text.IndexOf("token=", StringComparison.Ordinal) + "token=".Length;
        return sent.Text[start..(start + TokenSigner.EncodedLength)];
    }

    private SubscriptionService CreateSut() => new(subscribers, schedule, jobs, Signer(), time, NullLogger<SubscriptionService>.Instance);
}
