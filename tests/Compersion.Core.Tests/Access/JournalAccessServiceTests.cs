using Compersion.Core.Access;
using Compersion.Core.Journal;
using Compersion.Core.Links;
using Compersion.Core.Security;
using Compersion.Core.Subscribers;
using Compersion.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Access;

/// <summary>Journal links read what their page shows: the calendar every day's marks and "on this day", a day page its date, search everything.</summary>
public sealed class JournalAccessServiceTests
{
    private readonly InMemorySubscriberStore subscribers = new();
    private readonly InMemoryEntryStore entries = new();
    private readonly InMemoryActStore acts = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 12, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task OpenAsync_CalendarOfTwoYearsWritten_ReadsTheTextOfOnThisDayOnlyAndDrawsTheWholeRun()
    {
        var (sut, journal) = await CreateSutAsync(Subscriber(), PerfectDays(Date("2024-03-01"), Date("2026-03-11")));

        var access = await sut.OpenAsync(Link(), JournalNeeds.Calendar);

        var spans = Assert.Single(journal.SpansRead)!;
        Assert.All(spans, span => Assert.True(span.To.PlusDays(-2) <= span.From, $"{span} is longer than three days"));
        Assert.True(access.Book!.Days.Count <= 9);
        Assert.All(JournalViews.OnThisDay(access.Book, access.Today), look => Assert.True(look.Written, look.Label));
        var calendar = JournalViews.Calendar(access.Book, 2026, access.Today);
        Assert.Equal(741, calendar.Run);
        Assert.Equal(2025, calendar.PreviousYear);
    }

    [Fact]
    public async Task OpenAsync_DayPageOfADailyJournal_ReadsAMonthEitherSideAndNoMarks()
    {
        var (sut, journal) = await CreateSutAsync(Subscriber(), PerfectDays(Date("2024-03-01"), Date("2026-03-11")));

        var access = await sut.OpenAsync(Link(), _ => JournalNeeds.Day(Date("2025-06-15")));

        Assert.Equal([new JournalSpan(Date("2025-05-15"), Date("2025-07-16"))], Assert.Single(journal.SpansRead)!);
        Assert.Empty(journal.MarksRead);
        Assert.Equal(("2025-06-14", "2025-06-16"), (JournalViews.Day(access.Book!, Date("2025-06-15")).PreviousIso, JournalViews.Day(access.Book!, Date("2025-06-15")).NextIso));
    }

    [Fact]
    public async Task OpenAsync_DayPageWithNothingNearOnOneSide_MarksOfThatSideOnlyFindTheNeighbourYearsAway()
    {
        var (sut, journal) = await CreateSutAsync(Subscriber(), [Entry(Date("2024-06-01"), 1), Entry(Date("2026-03-05"), 2), Entry(Date("2026-03-10"), 1)]);

        var access = await sut.OpenAsync(Link(), _ => JournalNeeds.Day(Date("2026-03-05")));

        Assert.Equal([new JournalSpan(Date("2026-02-02"), Date("2026-04-05"))], Assert.Single(journal.SpansRead)!);
        Assert.Equal([new JournalSpan(JournalSpan.All.From, Date("2026-02-01"))], Assert.Single(journal.MarksRead)!);
        var day = JournalViews.Day(access.Book!, Date("2026-03-05"));
        Assert.Equal(2, day.Items.Count);
        Assert.Equal(("2024-06-01", "2026-03-10"), (day.PreviousIso, day.NextIso));
    }

    [Theory]
    [InlineData("Pacific/Kiritimati", "2026-12-31T12:00:00Z", "2027-01-01")]
    [InlineData("Pacific/Pago_Pago", "2027-01-01T05:00:00Z", "2026-12-31")]
    public async Task OpenAsync_TodayOnTheOtherSideOfNewYearFromUtc_ReadsTheirOwnOnThisDay(string zone, string now, string expectedToday)
    {
        time.SetUtcNow(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
        var today = Date(expectedToday);
        var (sut, _) = await CreateSutAsync(
            Subscriber(zone: zone),
            [Entry(today.PlusWeeks(-1), 1), Entry(today.PlusMonths(-1), 1), Entry(today.PlusYears(-1), 1)]);

        var access = await sut.OpenAsync(Link(), JournalNeeds.Calendar);

        Assert.Equal(today, access.Today);
        Assert.All(JournalViews.OnThisDay(access.Book!, access.Today), look => Assert.Equal((look.Label, true), (look.Label, look.Written)));
    }

    [Fact]
    public async Task OpenAsync_Search_ReadsEveryDate()
    {
        var (sut, journal) = await CreateSutAsync(Subscriber(), [Entry(Date("2020-01-01"), 1), Entry(Date("2026-03-05"), 1)]);

        var access = await sut.OpenAsync(Link(), _ => JournalNeeds.Everything);

        Assert.Null(Assert.Single(journal.SpansRead));
        Assert.Equal(2, access.Book!.Days.Count);
    }

    private string Link() => Signer().ForLink(TokenPurpose.Journal, AlexId, Instant.FromDateTimeOffset(time.GetUtcNow()) + JournalLinks.Lifetime);

    private async Task<(JournalAccessService Sut, InMemoryJournal Journal)> CreateSutAsync(Subscriber subscriber, IEnumerable<JournalEntry> written)
    {
        await subscribers.AddOrGetAsync(subscriber);
        foreach (var entry in written)
        {
            await entries.AppendAsync(entry.SubscriberId, entry.Date, entry.Items);
        }

        var journal = new InMemoryJournal(subscribers, entries, acts);
        return (new JournalAccessService(Signer(), journal, time), journal);
    }
}
