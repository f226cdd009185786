using Compersion.Core.Subscribers;
using Compersion.Core.Subscriptions;
using Compersion.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Subscriptions;

/// <summary>The settings page's pause date and on/off switches, from the posted form to the stored subscriber.</summary>
public sealed class SettingsChangeTests
{
    private static readonly NodaTime.LocalDate Today = Date("2026-11-25");

    private readonly InMemorySubscriberStore subscribers = new();

    [Fact]
    public async Task ApplyAsync_PausedUntilADate_PausesUntilThatDate()
    {
        var change = Create(new SettingsSwitches("until", "2026-12-28", "on", "on"));

        var stored = await ApplyAsync(Subscriber(), change);

        Assert.Equal(SubscriberStatus.Paused, stored.Status);
        Assert.Equal(Date("2026-12-28"), stored.PausedUntil);
    }

    [Theory]
    [InlineData("2026-11-25", "after today")]
    [InlineData("2026-11-01", "after today")]
    [InlineData("2028-01-01", "within the next year")]
    [InlineData("", "Please choose the date")]
    [InlineData("28.12.2026", "Please choose the date")]
    public void TryCreate_PauseDateNotToCome_SaysWhatToChoose(string date, string expected)
    {
        var created = SettingsChange.TryCreate("Europe/Berlin", "20:00", "Sunday", "18:00", "1", "on", null, null, new SettingsSwitches("until", date, null, null), Subscriber(), Today, out var change, out var error);

        Assert.False(created);
        Assert.Null(change);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_PromptOffDigestOn_KeepsTheDigestAndStaysActive()
    {
        var change = Create(new SettingsSwitches("active", null, "off", "on"));

        var stored = await ApplyAsync(Subscriber(), change);

        Assert.False(stored.PromptsEnabled);
        Assert.True(stored.DigestEnabled);
        Assert.Equal(SubscriberStatus.Active, stored.Status);
    }

    [Fact]
    public async Task ApplyAsync_FormWithoutTheSwitches_LeavesThemAsTheyAre()
    {
        var subscriber = Subscriber() with { PromptsEnabled = false, DigestEnabled = false };
        var change = Create(new SettingsSwitches(null, null, null, null), subscriber);

        var stored = await ApplyAsync(subscriber, change);

        Assert.False(stored.PromptsEnabled);
        Assert.False(stored.DigestEnabled);
    }

    [Fact]
    public async Task ApplyAsync_UnsubscribedPostsAPauseDate_StaysUnsubscribed()
    {
        var subscriber = Subscriber() with { Status = SubscriberStatus.Unsubscribed };
        var change = Create(new SettingsSwitches("until", "2026-12-28", null, null), subscriber);

        var stored = await ApplyAsync(subscriber, change);

        Assert.Equal(SubscriberStatus.Unsubscribed, stored.Status);
        Assert.Null(stored.PausedUntil);
    }

    [Fact]
    public async Task ApplyAsync_PausedUntilADateTurnedOn_ResumesAndForgetsTheDate()
    {
        var subscriber = Subscriber().PauseUntil(Date("2026-12-28"));
        var change = Create(new SettingsSwitches("active", null, null, null), subscriber);

        var stored = await ApplyAsync(subscriber, change);

        Assert.Equal(SubscriberStatus.Active, stored.Status);
        Assert.Null(stored.PausedUntil);
        Assert.Equal(Today, stored.ResumedOn);
    }

    private static SettingsChange Create(SettingsSwitches switches, Subscriber? current = null)
    {
        Assert.True(
            SettingsChange.TryCreate("Europe/Berlin", "20:00", "Sunday", "18:00", "1", "on", null, null, switches, current ?? Subscriber(), Today, out var change, out var error),
            error);
        return change!;
    }

    private async Task<Subscriber> ApplyAsync(Subscriber subscriber, SettingsChange change)
    {
        await subscribers.AddOrGetAsync(subscriber);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        return await new SettingsService(subscribers, new AcceptingScheduleStore(), time).ApplyAsync(subscriber, change);
    }
}
