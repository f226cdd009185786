using Compersion.Core.Mail;
using Compersion.Core.Photos;
using Compersion.Core.Privacy;
using Compersion.Core.Scheduling;
using Compersion.Core.Security;
using Compersion.Core.Subscribers;
using Compersion.Core.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Privacy;

/// <summary>Delete everything: only with a fresh delete link, in an order a crash can finish, and one farewell however often it is clicked.</summary>
public sealed class DeletionServiceTests
{
    private readonly InMemorySubscriberStore subscribers = new();
    private readonly AcceptingScheduleStore schedule = new();
    private readonly RecordingMailSender mail = new();
    private readonly InMemoryPhotoStore photos = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task DeleteAsync_FreshLink_RemovesTheProfilePhotosAndEveryScheduleRowAndSaysGoodbyeWithoutInvitingAReply()
    {
        var sut = await CreateSutAsync();
        var token = sut.IssueToken(Subscriber());
        await photos.SaveAsync(AlexId, new StoredPhoto(new NodaTime.LocalDate(2026, 11, 20), "0123456789abcdef0123", PhotoFormat.Jpeg, "tea.jpg", 10, HasThumbnail: false), new byte[10], null);

        var outcome = await sut.DeleteAsync(token);

        Assert.Equal(DeleteOutcome.Deleted, outcome);
        Assert.Null(await subscribers.FindByIdAsync(AlexId));
        Assert.Empty(photos.Of(AlexId));
        Assert.Contains(schedule.Removed, row => row.Kind == JobKind.Prompt && row.SubscriberId == AlexId);
        Assert.Contains(schedule.Removed, row => row.Kind == JobKind.Digest && row.SubscriberId == AlexId);
        Assert.All(schedule.Removed, row => Assert.Equal(AlexId, row.SubscriberId));
        var farewell = Assert.Single(mail.Sent);
        Assert.Equal("alex@example.org", farewell.To);
        Assert.Null(farewell.ReplyTo);
        Assert.Contains("gone", farewell.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteAsync_SameLinkClickedTwice_SecondFindsNobodyAndSendsNoSecondFarewell()
    {
        var sut = await CreateSutAsync();
        var token = sut.IssueToken(Subscriber());
        await sut.DeleteAsync(token);

        var second = await sut.DeleteAsync(token);

        Assert.Equal(DeleteOutcome.AlreadyDeleted, second);
        Assert.Single(mail.Sent);
    }

    [Fact]
    public async Task DeleteAsync_AnotherClickErasedTheProfileMeanwhile_OnlyThatClickSaysGoodbye()
    {
        var sut = await CreateSutAsync(racingClick: true);

        var outcome = await sut.DeleteAsync(sut.IssueToken(Subscriber()));

        Assert.Equal(DeleteOutcome.AlreadyDeleted, outcome);
        Assert.Empty(mail.Sent);
    }

    [Fact]
    public async Task DeleteAsync_LinkOlderThanItsLifetime_IsExpiredAndChangesNothing()
    {
        var sut = await CreateSutAsync();
        var token = sut.IssueToken(Subscriber());
        time.Advance(DeletionService.LinkLifetime.ToTimeSpan() + TimeSpan.FromMinutes(1));

        var outcome = await sut.DeleteAsync(token);

        Assert.Equal(DeleteOutcome.Expired, outcome);
        Assert.Equal(SubscriberStatus.Active, (await subscribers.FindByIdAsync(AlexId))!.Status);
        Assert.Empty(schedule.Removed);
        Assert.Empty(mail.Sent);
    }

    [Theory]
    [InlineData(TokenPurpose.Settings)]
    [InlineData(TokenPurpose.Journal)]
    public async Task DeleteAsync_LinkOfAnotherPurpose_IsInvalidAndChangesNothing(TokenPurpose purpose)
    {
        var sut = await CreateSutAsync();
        var token = Signer().ForLink(purpose, AlexId, NodaTime.Instant.FromDateTimeOffset(time.GetUtcNow()).Plus(NodaTime.Duration.FromMinutes(10)));

        var outcome = await sut.DeleteAsync(token);

        Assert.Equal(DeleteOutcome.Invalid, outcome);
        Assert.NotNull(await subscribers.FindByIdAsync(AlexId));
        Assert.Empty(mail.Sent);
    }

    [Fact]
    public async Task DeleteAsync_OneSubscribersLink_LeavesAnotherSubscriberAlone()
    {
        var sut = await CreateSutAsync();
        await subscribers.AddOrGetAsync(Subscriber(SamId) with { Email = "sam@example.org" });

        await sut.DeleteAsync(sut.IssueToken(Subscriber()));

        Assert.Equal(SubscriberStatus.Active, (await subscribers.FindByIdAsync(SamId))!.Status);
        Assert.DoesNotContain(schedule.Removed, row => row.SubscriberId == SamId);
    }

    private async Task<DeletionService> CreateSutAsync(bool racingClick = false)
    {
        await subscribers.AddOrGetAsync(Subscriber());
        IPersonalDataStore data = racingClick ? new ErasedByAnotherClick(subscribers) : new InMemoryPersonalDataStore(subscribers);
        return new DeletionService(subscribers, schedule, data, photos, Signer(), new NoteComposer(MailSettings(), Signer(), time), mail, time, NullLogger<DeletionService>.Instance);
    }

    /// <summary>A second click that finishes the deletion while this one is erasing the records.</summary>
    private sealed class ErasedByAnotherClick(InMemorySubscriberStore subscribers) : IPersonalDataStore
    {
        public Task EraseRecordsAsync(string subscriberId, CancellationToken cancellationToken = default)
        {
            subscribers.Remove(subscriberId);
            return Task.CompletedTask;
        }

        public Task<bool> EraseProfileAsync(Subscriber subscriber, CancellationToken cancellationToken = default) =>
            Task.FromResult(subscribers.Remove(subscriber.Id));
    }
}
