using Compersion.Core.Api;
using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Core.Subscriptions;
using Compersion.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Api;

public sealed class EntriesApiTests
{
    private readonly InMemorySubscriberStore subscribers = new();
    private readonly InMemoryEntryStore entries = new();
    private readonly InMemoryActStore acts = new();

    [Fact]
    public async Task AddAsync_ItemsAndActs_StoresBothAndAnswersWithBoth()
    {
        var (api, authorization) = await CreateSutAsync();

        var result = await api.AddAsync(authorization, new EntriesPost("2026-11-24", ["My friend Lea got the job"], ["left flowers on my neighbour's doorstep"]));

        Assert.Equal(EntriesOutcome.Added, result.Outcome);
        var body = result.Value!;
        Assert.Equal("2026-11-24", body.Date);
        Assert.True(Assert.Single(body.Items).Compersion);
        Assert.Equal(new KindAct("left flowers on my neighbour's doorstep", "gift", "neighbour"), Assert.Single(body.Acts));
        var day = Assert.Single(await acts.GetActsAsync(AlexId));
        Assert.Equal(Date("2026-11-24"), day.Date);
        Assert.Equal(new KindAct("left flowers on my neighbour's doorstep", "gift", "neighbour"), Assert.Single(day.Acts) with { Source = null });
        Assert.Single(Assert.Single(await entries.GetEntriesAsync(AlexId)).Items);
    }

    [Fact]
    public async Task AddAsync_OnlyActs_StoresTheActsAndNoEntry()
    {
        var (api, authorization) = await CreateSutAsync();

        var result = await api.AddAsync(authorization, new EntriesPost(null, [], ["fed the cat next door", "  "]));

        Assert.Equal(EntriesOutcome.Added, result.Outcome);
        Assert.Empty(result.Value!.Items);
        Assert.Empty(await entries.GetEntriesAsync(AlexId));
        var day = Assert.Single(await acts.GetActsAsync(AlexId));
        Assert.Equal(Date("2026-11-25"), day.Date);
        Assert.Equal(["fed the cat next door"], day.Acts.Select(act => act.Text));
    }

    [Fact]
    public async Task AddAsync_OnlyActs_EndsTheBackOffLikeAnyReply()
    {
        var (api, authorization) = await CreateSutAsync();

        await api.AddAsync(authorization, new EntriesPost(null, [], ["fed the cat next door"]));

        Assert.Equal(Date("2026-11-25"), (await subscribers.FindByIdAsync(AlexId))!.LastReplyDate);
    }

    [Fact]
    public async Task AddAsync_SamePostTwice_StoresTheActsOnce()
    {
        var (api, authorization) = await CreateSutAsync();
        var post = new EntriesPost(null, ["warm socks"], ["fed the cat next door"]);

        await api.AddAsync(authorization, post);
        await api.AddAsync(authorization, post with { Items = ["warm socks"] });

        Assert.Single(Assert.Single(await acts.GetActsAsync(AlexId)).Acts);
        Assert.Single(Assert.Single(await entries.GetEntriesAsync(AlexId)).Items);
    }

    [Theory]
    [InlineData(new string[0], new string[0])]
    [InlineData(new[] { "  " }, new[] { " " })]
    public async Task AddAsync_NothingToSave_InvalidAndNothingStored(string[] items, string[] actTexts)
    {
        var (api, authorization) = await CreateSutAsync();

        var result = await api.AddAsync(authorization, new EntriesPost(null, items, actTexts));

        Assert.Equal(EntriesOutcome.Invalid, result.Outcome);
        Assert.Contains("at least one item", result.Problem, StringComparison.Ordinal);
        Assert.Empty(await acts.GetActsAsync(AlexId));
        Assert.Empty(await entries.GetEntriesAsync(AlexId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer not-a-token")]
    public async Task AddAsync_NoOrWrongToken_UnauthorizedAndNothingStored(string? authorization)
    {
        var (api, _) = await CreateSutAsync();

        var result = await api.AddAsync(authorization, new EntriesPost(null, ["warm socks"], []));

        Assert.Equal(EntriesOutcome.Unauthorized, result.Outcome);
        Assert.Contains("Reply TOKEN", result.Problem, StringComparison.Ordinal);
        Assert.Empty(await entries.GetEntriesAsync(AlexId));
    }

    [Fact]
    public async Task AddAsync_TooManyActs_Invalid()
    {
        var (api, authorization) = await CreateSutAsync();
        var tooMany = Enumerable.Range(0, EntriesApi.MaxItems + 1).Select(i => $"act {i}").ToList();

        var result = await api.AddAsync(authorization, new EntriesPost(null, [], tooMany));

        Assert.Equal(EntriesOutcome.Invalid, result.Outcome);
        Assert.Contains("Too many acts", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAsync_ActTooLong_InvalidAndNothingStored()
    {
        var (api, authorization) = await CreateSutAsync();

        var result = await api.AddAsync(authorization, new EntriesPost(null, ["warm socks"], [new string('x', EntriesApi.MaxItemLength + 1)]));

        Assert.Equal(EntriesOutcome.Invalid, result.Outcome);
        Assert.Contains("act is too long", result.Problem, StringComparison.Ordinal);
        Assert.Empty(await entries.GetEntriesAsync(AlexId));
    }

    [Theory]
    [InlineData("0001-01-01", "before 1900-01-01")]
    [InlineData("1899-12-31", "before 1900-01-01")]
    [InlineData("2026-11-27", "in the future")]
    [InlineData("24.11.2026", "as yyyy-MM-dd")]
    public async Task AddAsync_DateOutsideTheJournalsRangeOrUnreadable_InvalidAndNothingStored(string date, string reason)
    {
        var (api, authorization) = await CreateSutAsync();

        var result = await api.AddAsync(authorization, new EntriesPost(date, ["warm socks"], []));

        Assert.Equal(EntriesOutcome.Invalid, result.Outcome);
        Assert.Contains(reason, result.Problem, StringComparison.Ordinal);
        Assert.Empty(await entries.GetEntriesAsync(AlexId));
    }

    [Theory]
    [InlineData("1900-01-01")]
    [InlineData("2026-11-26")]
    public async Task AddAsync_DateAtEitherEndOfTheRange_AddedOnThatDay(string date)
    {
        var (api, authorization) = await CreateSutAsync();

        var result = await api.AddAsync(authorization, new EntriesPost(date, ["warm socks"], []));

        Assert.Equal(EntriesOutcome.Added, result.Outcome);
        Assert.Equal(date, result.Value!.Date);
    }

    [Fact]
    public async Task ListAsync_DaysWithItemsOrActs_ListsEachDayWithBoth()
    {
        var (api, authorization) = await CreateSutAsync();
        await entries.AppendAsync(AlexId, Date("2026-11-20"), [new JournalItem("snow")]);
        await entries.AppendAsync(AlexId, Date("2026-11-24"), [new JournalItem("rain")]);
        await acts.AppendAsync(AlexId, Date("2026-11-24"), [new KindAct("fed the cat next door")]);
        await acts.AppendAsync(AlexId, Date("2026-11-22"), [new KindAct("a note for the postman")]);

        var result = await api.ListAsync(authorization, "2026-11-21", null);

        Assert.Equal(EntriesOutcome.Listed, result.Outcome);
        var days = result.Value!;
        Assert.Equal(["2026-11-22", "2026-11-24"], days.Select(day => day.Date));
        Assert.Empty(days[0].Items);
        Assert.Equal("a note for the postman", Assert.Single(days[0].Acts).Text);
        Assert.Equal("rain", Assert.Single(days[1].Items).Text);
        Assert.Equal("fed the cat next door", Assert.Single(days[1].Acts).Text);
    }

    private async Task<(EntriesApi Api, string Authorization)> CreateSutAsync()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 19, 0, 0, TimeSpan.Zero));
        var tokens = new PersonalTokens(subscribers);
        var subscriber = await subscribers.AddOrGetAsync(Subscriber());
        var token = await tokens.IssueAsync(subscriber);
        var api = new EntriesApi(tokens, entries, acts, new JournalWriter(entries, acts, new SettingsService(subscribers, new UnusedScheduleStore(), time)), time);
        return (api, "Bearer " + token);
    }
}
