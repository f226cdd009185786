using Compersion.Core.Subscribers;
using NodaTime;

namespace Compersion.Core.Tests.Subscribers;

/// <summary>The subscriber lifecycle, the one place status changes are decided: who gets mail after each step.</summary>
public sealed class SubscriberLifecycleTests
{
    private static readonly Instant SignedUp = Instant.FromUtc(2026, 11, 1, 9, 0);
    private static readonly Instant Later = Instant.FromUtc(2026, 11, 20, 9, 0);

    public static TheoryData<SubscriberStatus, string, SubscriberStatus> Transitions => new()
    {
        { SubscriberStatus.Pending, nameof(Subscriber.Confirm), SubscriberStatus.Active },
        { SubscriberStatus.Active, nameof(Subscriber.Confirm), SubscriberStatus.Active },
        { SubscriberStatus.Paused, nameof(Subscriber.Confirm), SubscriberStatus.Paused },
        { SubscriberStatus.Unsubscribed, nameof(Subscriber.Confirm), SubscriberStatus.Unsubscribed },
        { SubscriberStatus.Pending, nameof(Subscriber.Reactivate), SubscriberStatus.Active },
        { SubscriberStatus.Unsubscribed, nameof(Subscriber.Reactivate), SubscriberStatus.Active },
        { SubscriberStatus.Paused, nameof(Subscriber.Reactivate), SubscriberStatus.Paused },
        { SubscriberStatus.Active, nameof(Subscriber.Pause), SubscriberStatus.Paused },
        { SubscriberStatus.Pending, nameof(Subscriber.Pause), SubscriberStatus.Pending },
        { SubscriberStatus.Unsubscribed, nameof(Subscriber.Pause), SubscriberStatus.Unsubscribed },
        { SubscriberStatus.Paused, nameof(Subscriber.Resume), SubscriberStatus.Active },
        { SubscriberStatus.Pending, nameof(Subscriber.Resume), SubscriberStatus.Pending },
        { SubscriberStatus.Unsubscribed, nameof(Subscriber.Resume), SubscriberStatus.Active },
        { SubscriberStatus.Active, nameof(Subscriber.Resume), SubscriberStatus.Active },
        { SubscriberStatus.Active, nameof(Subscriber.Unsubscribe), SubscriberStatus.Unsubscribed },
        { SubscriberStatus.Paused, nameof(Subscriber.Unsubscribe), SubscriberStatus.Unsubscribed },
        { SubscriberStatus.Pending, nameof(Subscriber.Unsubscribe), SubscriberStatus.Unsubscribed },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Transition_FromStatus_EndsWhereTheRulesSay(SubscriberStatus from, string step, SubscriberStatus expected)
    {
        var subscriber = Create(from);

        var after = Apply(subscriber, step);

        Assert.Equal(expected, after.Status);
        Assert.Equal(from == expected, ReferenceEquals(subscriber, after));
    }

    [Fact]
    public void Unsubscribe_AlreadyUnsubscribed_ReturnsTheSameInstanceSoCallersSeeNoChange()
    {
        var subscriber = Create(SubscriberStatus.Unsubscribed);

        var after = subscriber.Unsubscribe();

        Assert.Same(subscriber, after);
    }

    [Fact]
    public void Confirm_Pending_RecordsWhenTheyConfirmed()
    {
        var subscriber = Create(SubscriberStatus.Pending);

        var after = subscriber.Confirm(Later);

        Assert.Equal(Later, after.ConfirmedAt);
    }

    [Fact]
    public void Reactivate_ConfirmedBeforeThenUnsubscribed_KeepsTheFirstConfirmation()
    {
        var subscriber = Create(SubscriberStatus.Unsubscribed) with { ConfirmedAt = SignedUp };

        var after = subscriber.Reactivate(Later);

        Assert.Equal(SubscriberStatus.Active, after.Status);
        Assert.Equal(SignedUp, after.ConfirmedAt);
    }

    [Fact]
    public void Pause_Active_KeepsEverySetting()
    {
        var subscriber = Create(SubscriberStatus.Active) with { KindnessGoal = 3, MemoriesEnabled = false };

        var after = subscriber.Pause();

        Assert.Equal(subscriber with { Status = SubscriberStatus.Paused }, after);
    }

    public static TheoryData<SubscriberStatus, SubscriberStatus> PauseUntilTransitions => new()
    {
        { SubscriberStatus.Active, SubscriberStatus.Paused },
        { SubscriberStatus.Paused, SubscriberStatus.Paused },
        { SubscriberStatus.Pending, SubscriberStatus.Pending },
        { SubscriberStatus.Unsubscribed, SubscriberStatus.Unsubscribed },
    };

    [Theory]
    [MemberData(nameof(PauseUntilTransitions))]
    public void PauseUntil_FromStatus_PausesOnlyWhoGetsMailAndRecordsTheDate(SubscriberStatus from, SubscriberStatus expected)
    {
        var until = new LocalDate(2026, 12, 28);

        var after = Create(from).PauseUntil(until);

        Assert.Equal(expected, after.Status);
        Assert.Equal(expected == SubscriberStatus.Paused ? until : null, after.PausedUntil);
    }

    [Fact]
    public void Pause_PausedUntilADate_BecomesAPauseUntilResume()
    {
        var subscriber = Create(SubscriberStatus.Active).PauseUntil(new LocalDate(2026, 12, 28));

        var after = subscriber.Pause();

        Assert.Equal(SubscriberStatus.Paused, after.Status);
        Assert.Null(after.PausedUntil);
    }

    [Theory]
    [InlineData("2026-12-27", SubscriberStatus.Paused)]
    [InlineData("2026-12-28", SubscriberStatus.Active)]
    [InlineData("2027-01-03", SubscriberStatus.Active)]
    public void ResumeIfDue_PausedUntilTheTwentyEighth_ResumesOnAndAfterTheDateOnly(string date, SubscriberStatus expected)
    {
        var subscriber = Create(SubscriberStatus.Active).PauseUntil(new LocalDate(2026, 12, 28));
        var on = TestFixtures.Date(date);

        var after = subscriber.ResumeIfDue(on);

        Assert.Equal(expected, after.Status);
        Assert.Equal(expected == SubscriberStatus.Active ? on : null, after.ResumedOn);
        Assert.Equal(expected == SubscriberStatus.Active ? null : new LocalDate(2026, 12, 28), after.PausedUntil);
    }

    [Fact]
    public void ResumeIfDue_PausedUntilResume_StaysPausedWhateverTheDate()
    {
        var subscriber = Create(SubscriberStatus.Paused);

        var after = subscriber.ResumeIfDue(new LocalDate(2030, 1, 1));

        Assert.Same(subscriber, after);
    }

    [Fact]
    public void Resume_PausedUntilADate_ClearsTheDateAndRecordsTheDay()
    {
        var subscriber = Create(SubscriberStatus.Active).PauseUntil(new LocalDate(2026, 12, 28));

        var after = subscriber.Resume(new LocalDate(2026, 12, 10));

        Assert.Equal(SubscriberStatus.Active, after.Status);
        Assert.Null(after.PausedUntil);
        Assert.Equal(new LocalDate(2026, 12, 10), after.ResumedOn);
    }

    private static Subscriber Apply(Subscriber subscriber, string step) => step switch
    {
        nameof(Subscriber.Confirm) => subscriber.Confirm(Later),
        nameof(Subscriber.Reactivate) => subscriber.Reactivate(Later),
        nameof(Subscriber.Pause) => subscriber.Pause(),
        nameof(Subscriber.Resume) => subscriber.Resume(),
        nameof(Subscriber.Unsubscribe) => subscriber.Unsubscribe(),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "unknown step"),
    };

    private static Subscriber Create(SubscriberStatus status) => new(
        SubscriberId.New(),
        "ana@example.com",
        "Europe/Berlin",
        Subscriber.DefaultPromptTime,
        IsoDayOfWeek.Sunday,
        Subscriber.DefaultDigestTime,
        status,
        SignedUp,
        status == SubscriberStatus.Pending ? null : SignedUp,
        null);

    [Fact]
    public void RememberStrangerPost_MoreThanTheMostAndOneTwice_KeepsTheNewestOnceEach()
    {
        var subscriber = Create(SubscriberStatus.Active);

        for (var i = 1; i <= Subscriber.MaxStrangerPosts + 2; i++)
        {
            subscriber = subscriber.RememberStrangerPost("tom@work.example", $"post-{i}").RememberStrangerPost("tom@work.example", $"post-{i}");
        }

        var (rest, names) = subscriber.TakeStrangerPosts("TOM@work.example");
        Assert.Equal(Enumerable.Range(3, Subscriber.MaxStrangerPosts).Select(i => $"post-{i}"), names);
        Assert.Null(rest.StrangerPosts);
    }
}
