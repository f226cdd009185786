using System.Text;
using Compersion.Core.Api;
using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Core.Subscribers;
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
    public async Task PostAsync_ItemsAndActs_StoresBothAndAnswersWithBoth()
    {
        var (api, authorization) = await CreateSutAsync();

        var result = await api.PostAsync(authorization, Body("""{"date":"2026-11-24","items":["My friend Lea got the job"],"acts":["left flowers on my neighbour's doorstep"]}"""));

        Assert.Equal(201, result.Status);
        var body = Assert.IsType<EntryResponse>(result.Body);
        Assert.Equal("2026-11-24", body.Date);
        Assert.True(Assert.Single(body.Items).Compersion);
        Assert.Equal(new KindAct("left flowers on my neighbour's doorstep", "gift", "neighbour"), Assert.Single(body.Acts));
        var day = Assert.Single(await acts.GetActsAsync(AlexId));
        Assert.Equal(Date("2026-11-24"), day.Date);
        Assert.Equal(new KindAct("left flowers on my neighbour's doorstep", "gift", "neighbour"), Assert.Single(day.Acts) with { Source = null });
        Assert.Single(Assert.Single(await entries.GetEntriesAsync(AlexId)).Items);
    }

    [Fact]
    public async Task PostAsync_OnlyActs_StoresTheActsAndNoEntry()
    {
        var (api, authorization) = await CreateSutAsync();

        var result = await api.PostAsync(authorization, Body("""{"acts":["fed the cat next door", "  "]}"""));

        Assert.Equal(201, result.Status);
        Assert.Empty(Assert.IsType<EntryResponse>(result.Body).Items);
        Assert.Empty(await entries.GetEntriesAsync(AlexId));
        var day = Assert.Single(await acts.GetActsAsync(AlexId));
        Assert.Equal(Date("2026-11-25"), day.Date);
        Assert.Equal(["fed the cat next door"], day.Acts.Select(act => act.Text));
    }

    [Fact]
    public async Task PostAsync_OnlyActs_EndsTheBackOffLikeAnyReply()
    {
        var (api, authorization) = await CreateSutAsync();

        await api.PostAsync(authorization, Body("""{"items":[],"acts":["fed the cat next door"]}"""));

        Assert.Equal(Date("2026-11-25"), (await subscribers.FindByIdAsync(AlexId))!.LastReplyDate);
    }

    [Fact]
    public async Task PostAsync_SameBodyTwice_StoresTheActsOnce()
    {
        var (api, authorization) = await CreateSutAsync();
        var body = Body("""{"items":["warm socks"],"acts":["fed the cat next door"]}""");

        await api.PostAsync(authorization, body);
        await api.PostAsync(authorization, body);

        Assert.Single(Assert.Single(await acts.GetActsAsync(AlexId)).Acts);
        Assert.Single(Assert.Single(await entries.GetEntriesAsync(AlexId)).Items);
    }

    [Theory]
    [InlineData("""{}""", "at least one item")]
    [InlineData("""{"items":[],"acts":[]}""", "at least one item")]
    [InlineData("""{"items":["  "],"acts":[" "]}""", "at least one item")]
    [InlineData("""{"acts":"fed the cat"}""", "\"acts\" must be an array of strings")]
    [InlineData("""{"items":["warm socks"],"acts":[1]}""", "Every act must be a string")]
    [InlineData("""{"items":"warm socks"}""", "\"items\" must be an array of strings")]
    public async Task PostAsync_BadActsOrNothingToSave_400AndNothingStored(string json, string reason)
    {
        var (api, authorization) = await CreateSutAsync();

        var result = await api.PostAsync(authorization, Body(json));

        Assert.Equal(400, result.Status);
        Assert.Contains(reason, Assert.IsType<ApiError>(result.Body).Error, StringComparison.Ordinal);
        Assert.Empty(await acts.GetActsAsync(AlexId));
        Assert.Empty(await entries.GetEntriesAsync(AlexId));
    }

    [Fact]
    public async Task PostAsync_TooManyActs_400()
    {
        var (api, authorization) = await CreateSutAsync();
        var tooMany = string.Join(',', Enumerable.Range(0, EntriesApi.MaxItems + 1).Select(i => $"\"act {i}\""));

        var result = await api.PostAsync(authorization, Body($$"""{"acts":[{{tooMany}}]}"""));

        Assert.Equal(400, result.Status);
        Assert.Contains("Too many acts", Assert.IsType<ApiError>(result.Body).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostAsync_ActTooLong_400()
    {
        var (api, authorization) = await CreateSutAsync();

        var result = await api.PostAsync(authorization, Body($$"""{"items":["warm socks"],"acts":["{{new string('x', EntriesApi.MaxItemLength + 1)}}"]}"""));

        Assert.Equal(400, result.Status);
        Assert.Contains("act is too long", Assert.IsType<ApiError>(result.Body).Error, StringComparison.Ordinal);
        Assert.Empty(await entries.GetEntriesAsync(AlexId));
    }

    [Theory]
    [InlineData("0001-01-01", "before 1900-01-01")]
    [InlineData("1899-12-31", "before 1900-01-01")]
    [InlineData("2026-11-27", "in the future")]
    public async Task PostAsync_DateOutsideTheJournalsRange_400AndNothingStored(string date, string reason)
    {
        var (api, authorization) = await CreateSutAsync();

        var result = await api.PostAsync(authorization, Body($$"""{"date":"{{date}}","items":["warm socks"]}"""));

        Assert.Equal(400, result.Status);
        Assert.Contains(reason, Assert.IsType<ApiError>(result.Body).Error, StringComparison.Ordinal);
        Assert.Empty(await entries.GetEntriesAsync(AlexId));
    }

    [Theory]
    [InlineData("1900-01-01")]
    [InlineData("2026-11-26")]
    public async Task PostAsync_DateAtEitherEndOfTheRange_201(string date)
    {
        var (api, authorization) = await CreateSutAsync();

        var result = await api.PostAsync(authorization, Body($$"""{"date":"{{date}}","items":["warm socks"]}"""));

        Assert.Equal(201, result.Status);
    }

    [Fact]
    public async Task GetAsync_DaysWithItemsOrActs_ListsEachDayWithBoth()
    {
        var (api, authorization) = await CreateSutAsync();
        await entries.AppendAsync(AlexId, Date("2026-11-20"), [new JournalItem("snow")]);
        await entries.AppendAsync(AlexId, Date("2026-11-24"), [new JournalItem("rain")]);
        await acts.AppendAsync(AlexId, Date("2026-11-24"), [new KindAct("fed the cat next door")]);
        await acts.AppendAsync(AlexId, Date("2026-11-22"), [new KindAct("a note for the postman")]);

        var result = await api.GetAsync(authorization, "2026-11-21", null);

        Assert.Equal(200, result.Status);
        var days = Assert.IsAssignableFrom<IReadOnlyList<EntryResponse>>(result.Body);
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

    private static byte[] Body(string json) => Encoding.UTF8.GetBytes(json);
}
