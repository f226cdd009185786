using Compersion.Core.Access;
using Compersion.Core.Api;
using Compersion.Core.Commands;
using Compersion.Core.Export;
using Compersion.Core.Journal;
using Compersion.Core.Mail;
using Compersion.Core.Photos;
using Compersion.Core.Subscribers;
using Compersion.Core.Subscriptions;
using Compersion.Core.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Commands;

public sealed class EmailCommandsTests
{
    private readonly InMemorySubscriberStore subscribers = new();
    private readonly InMemoryEntryStore entries = new();
    private readonly InMemoryActStore acts = new();
    private readonly RecordingMailSender mail = new();
    private readonly InMemoryPhotoStore photos = new();

    [Fact]
    public async Task ApplyAsync_Pause_PausesAndSaysHowToResume()
    {
        var sut = await CreateSutAsync();

        var note = await sut.ApplyAsync(Subscriber(), Parse("PAUSE"), apply: true);

        Assert.Equal(SubscriberStatus.Paused, (await subscribers.FindByIdAsync(AlexId))!.Status);
        Assert.Contains("RESUME", note.Blocks![0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_Stop_SaysHowToComeBackAndLinksTheSettingsToTakeTheJournal()
    {
        var sut = await CreateSutAsync();

        var note = await sut.ApplyAsync(Subscriber(), Parse("STOP"), apply: true);

        Assert.Equal(SubscriberStatus.Unsubscribed, (await subscribers.FindByIdAsync(AlexId))!.Status);
        var blocks = note.Blocks!;
        Assert.Contains(blocks, b => b.Text.Contains("reply RESUME", StringComparison.Ordinal));
        Assert.Contains(blocks, b => b.Kind == "link" && b.Url == $"{PublicBaseUrl}/api/signup");
        Assert.Contains(blocks, b => b.Kind == "link" && b.Url.StartsWith($"{PublicBaseUrl}/api/settings", StringComparison.Ordinal));
        Assert.True(note.InvitesReply);
        Assert.False(note.OffersHelp);
    }

    [Fact]
    public async Task ApplyAsync_AlreadyApplied_AnswersTheSameAndChangesNothing()
    {
        var sut = await CreateSutAsync();

        var note = await sut.ApplyAsync(Subscriber(), Parse("GOAL 3"), apply: false);

        Assert.Equal("Kindness goal: 3 a week", note.Subject);
        Assert.NotEqual(3, (await subscribers.FindByIdAsync(AlexId))!.KindnessGoal);
    }

    [Fact]
    public async Task ApplyAsync_CommandWithAMistake_SaysHowToWriteIt()
    {
        var sut = await CreateSutAsync();

        var note = await sut.ApplyAsync(Subscriber(), Parse("TIME 25:00"), apply: true);

        Assert.Equal("That command needs a small fix", note.Subject);
        Assert.Equal(Subscriber().PromptTime, (await subscribers.FindByIdAsync(AlexId))!.PromptTime);
    }

    [Fact]
    public async Task ApplyAsync_Export_AttachesTheJournal()
    {
        var sut = await CreateSutAsync();
        await entries.AppendAsync(AlexId, Date("2026-11-24"), [new("warm socks")], "k1");

        var note = await sut.ApplyAsync(Subscriber(), Parse("EXPORT"), apply: true);

        Assert.Equal("export", note.Kind);
        Assert.Equal([ExportService.JsonFileName, ExportService.MarkdownFileName], note.Attachments!.Select(a => a.FileName).Order(StringComparer.Ordinal));
        Assert.Contains("1 day", note.Blocks![0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_ExportWithPhotosThatFitAMail_PhotosAttachedNamedByTheirDay()
    {
        var sut = await CreateSutAsync();
        await entries.AppendAsync(AlexId, Date("2026-11-24"), [new("warm socks")], "k1");
        await photos.SaveAsync(AlexId, new StoredPhoto(Date("2026-11-24"), "0123456789abcdef0123", PhotoFormat.Jpeg, "socks.jpg", 3, HasThumbnail: true), new byte[] { 1, 2, 3 }, null);
        await photos.SaveAsync(AlexId, new StoredPhoto(Date("2026-11-25"), "abcdef0123456789abcd", PhotoFormat.Heic, "IMG_1.HEIC", 2, HasThumbnail: false), new byte[] { 4, 5 }, null);

        var note = await sut.ApplyAsync(Subscriber(), Parse("EXPORT"), apply: true);

        Assert.Equal(
            [(ExportService.JsonFileName, 0), (ExportService.MarkdownFileName, 0), ("2026-11-24-0123456789abcdef0123.jpg", 3), ("2026-11-25-abcdef0123456789abcd.heic", 2)],
            note.Attachments!.Select(a => (a.FileName, a.FileName.StartsWith("compersion", StringComparison.Ordinal) ? 0 : a.Content.Length)));
        Assert.Contains(note.Blocks!, block => block.Text.Contains("Your 2 photos are attached too", StringComparison.Ordinal));
        Assert.DoesNotContain(note.Blocks!, block => block.Kind == "link");
    }

    [Fact]
    public async Task ApplyAsync_ExportWithMorePhotosThanAMailHolds_NoneAttachedAndALinkToTheZip()
    {
        var sut = await CreateSutAsync();
        for (var i = 0; i < 3; i++)
        {
            var id = "0123456789abcdef012" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await photos.SaveAsync(AlexId, new StoredPhoto(Date("2026-11-24"), id, PhotoFormat.Jpeg, "big.jpg", 8L * 1024 * 1024, HasThumbnail: true), new byte[16], null);
        }

        var note = await sut.ApplyAsync(Subscriber(), Parse("EXPORT"), apply: true);

        Assert.Equal([ExportService.JsonFileName, ExportService.MarkdownFileName], note.Attachments!.Select(a => a.FileName));
        Assert.Contains(note.Blocks!, block => block.Text.Contains("Your 3 photos are too large to send in one email (24 MB)", StringComparison.Ordinal));
        var link = Assert.Single(note.Blocks!, block => block.Kind == "link");
        Assert.StartsWith(PublicBaseUrl.TrimEnd('/') + "/api/settings/export?format=zip&token=", link.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_Settings_SendsALinkToTheSettingsPage()
    {
        var sut = await CreateSutAsync();

        var note = await sut.ApplyAsync(Subscriber(), Parse("SETTINGS"), apply: true);

        Assert.Contains(note.Blocks!, block => block.Kind == "link" && block.Url.StartsWith(PublicBaseUrl, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApplyAsync_ChangeAddress_OnlyFromTheRegisteredAddressALinkToTheNewOneAndNothingChangedYet()
    {
        var sut = await CreateSutAsync();

        var refused = await sut.ApplyAsync(Subscriber(), Parse("CHANGE ADDRESS alex@new.example"), apply: true);
        var sentBeforeAsking = mail.Sent.Count;
        var asked = await sut.ApplyAsync(Subscriber(), Parse("CHANGE ADDRESS alex@new.example"), apply: true, fromRegistered: true);
        var same = await sut.ApplyAsync(Subscriber(), Parse("CHANGE ADDRESS alex@example.org"), apply: true, fromRegistered: true);

        Assert.Equal("Please send that from your main address", refused.Subject);
        Assert.Equal(0, sentBeforeAsking);
        Assert.Equal("Check your new inbox", asked.Subject);
        var link = Assert.Single(mail.Sent);
        Assert.Equal("alex@new.example", link.To);
        Assert.Contains("/api/address/confirm?token=", link.Text, StringComparison.Ordinal);
        var stored = (await subscribers.FindByIdAsync(AlexId))!;
        Assert.Equal(("alex@example.org", "alex@new.example", false), (stored.Email, stored.PendingAddress!.Email, stored.PendingAddress.Extra));
        Assert.Equal("That's already your address", same.Subject);
    }

    [Fact]
    public async Task ApplyAsync_RemoveAddressFromTheRegisteredAddress_ThatAddressNoLongerTheirs()
    {
        var sut = await CreateSutAsync();
        await subscribers.UpdateAsync(AlexId, s => s with { ExtraAddresses = ["alex@work.example"] });

        var refused = await sut.ApplyAsync(Subscriber(), Parse("REMOVE ADDRESS alex@work.example"), apply: true);
        var removed = await sut.ApplyAsync(Subscriber(), Parse("REMOVE ADDRESS alex@work.example"), apply: true, fromRegistered: true);
        var again = await sut.ApplyAsync(Subscriber(), Parse("REMOVE ADDRESS alex@work.example"), apply: true, fromRegistered: true);

        Assert.Equal(
            ("Please send that from your main address", "Address removed", "Nothing to remove"),
            (refused.Subject, removed.Subject, again.Subject));
        Assert.Empty((await subscribers.FindByIdAsync(AlexId))!.Extras);
    }

    [Fact]
    public async Task ApplyAsync_UnknownCommand_AnswersWithHelp()
    {
        var sut = await CreateSutAsync();

        var note = await sut.ApplyAsync(Subscriber(), Parse("FROBNICATE"), apply: true);

        Assert.Equal("help", note.Kind);
        Assert.Equal(CommandHelp.Commands, Assert.Single(note.Blocks!, block => block.Kind == "terms").Terms);
    }

    [Fact]
    public async Task IssueTokenAsync_Twice_OnlyTheLatestTokenWorks()
    {
        var sut = await CreateSutAsync();
        var tokens = new PersonalTokens(subscribers);

        var first = (await sut.IssueTokenAsync(Subscriber())).Blocks![1].Text;
        var second = (await sut.IssueTokenAsync(Subscriber())).Blocks![1].Text;

        Assert.Null(await tokens.AuthenticateAsync("Bearer " + first));
        Assert.Equal(AlexId, (await tokens.AuthenticateAsync("Bearer " + second))?.Id);
    }

    [Fact]
    public async Task ApplyAsync_PauseTwoWeeks_PausesUntilTheDayTwoWeeksOnAndNamesIt()
    {
        var sut = await CreateSutAsync();

        var note = await sut.ApplyAsync(Subscriber(), Parse("PAUSE 2 WEEKS"), apply: true);

        var stored = (await subscribers.FindByIdAsync(AlexId))!;
        Assert.Equal(SubscriberStatus.Paused, stored.Status);
        Assert.Equal(Date("2026-12-09"), stored.PausedUntil);
        Assert.Equal("Paused until 9 December", note.Subject);
        Assert.Contains("start again by themselves on Wednesday 9 December 2026", note.Blocks![0].Text, StringComparison.Ordinal);
        Assert.Contains("be kind to yourself", note.Blocks![0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_PauseUntilAPastDate_ChangesNothingAndSaysHowToWriteIt()
    {
        var sut = await CreateSutAsync();

        var note = await sut.ApplyAsync(Subscriber(), Parse("PAUSE 2026-11-01"), apply: true);

        Assert.Equal(SubscriberStatus.Active, (await subscribers.FindByIdAsync(AlexId))!.Status);
        Assert.Equal("That pause needs a small fix", note.Subject);
        Assert.Contains("already passed", note.Blocks![0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_PromptsOff_TurnsOffThePromptOnlyAndSaysTheDigestStillComes()
    {
        var sut = await CreateSutAsync();

        var note = await sut.ApplyAsync(Subscriber(), Parse("PROMPTS OFF"), apply: true);

        var stored = (await subscribers.FindByIdAsync(AlexId))!;
        Assert.False(stored.PromptsEnabled);
        Assert.True(stored.DigestEnabled);
        Assert.Equal(SubscriberStatus.Active, stored.Status);
        Assert.Contains("weekly digest still comes", note.Blocks![0].Text, StringComparison.Ordinal);
        Assert.Contains("PROMPTS ON", note.Blocks![0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_DigestOff_TurnsOffTheDigestOnlyAndLeavesItsDayAlone()
    {
        var sut = await CreateSutAsync();

        var note = await sut.ApplyAsync(Subscriber(), Parse("DIGEST OFF"), apply: true);

        var stored = (await subscribers.FindByIdAsync(AlexId))!;
        Assert.False(stored.DigestEnabled);
        Assert.True(stored.PromptsEnabled);
        Assert.Equal(Subscriber().DigestDay, stored.DigestDay);
        Assert.Equal("Your weekly digest is off", note.Subject);
        Assert.Contains("DIGEST ON", note.Blocks![0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_PromptsOnWhilePausedUntilADate_SaysWhenItStarts()
    {
        var sut = await CreateSutAsync();
        var paused = (await subscribers.UpdateAsync(AlexId, s => s.PauseUntil(Date("2026-12-28")) with { PromptsEnabled = false }))!;

        var note = await sut.ApplyAsync(paused, Parse("PROMPTS ON"), apply: true);

        Assert.True((await subscribers.FindByIdAsync(AlexId))!.PromptsEnabled);
        Assert.Contains("paused until Monday 28 December 2026", note.Blocks![0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_ResumeWithThePromptOff_SaysThePromptStaysOff()
    {
        var sut = await CreateSutAsync();
        var paused = (await subscribers.UpdateAsync(AlexId, s => s.Pause() with { PromptsEnabled = false }))!;

        var note = await sut.ApplyAsync(paused, Parse("RESUME"), apply: false);

        Assert.Contains("daily prompt stays off", note.Blocks![0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("back on, at", note.Blocks![0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_EveryKindItCarriesOut_AnsweredAsItselfNeverWithTheUnknownCommandHelp()
    {
        var sut = await CreateSutAsync();
        var samples = new Dictionary<CommandKind, string>
        {
            [CommandKind.Pause] = "PAUSE",
            [CommandKind.Resume] = "RESUME",
            [CommandKind.Stop] = "STOP",
            [CommandKind.Time] = "TIME 07:30",
            [CommandKind.Zone] = "ZONE Asia/Tokyo",
            [CommandKind.Digest] = "DIGEST MONDAY 09:00",
            [CommandKind.Goal] = "GOAL 2",
            [CommandKind.Export] = "EXPORT",
            [CommandKind.Help] = "HELP",
            [CommandKind.Settings] = "SETTINGS",
            [CommandKind.Journal] = "JOURNAL",
            [CommandKind.Prompts] = "PROMPTS OFF",
            [CommandKind.AddAddress] = "ADD ADDRESS alex@work.example",
            [CommandKind.RemoveAddress] = "REMOVE ADDRESS alex@work.example",
            [CommandKind.ChangeAddress] = "CHANGE ADDRESS alex@new.example",
        };
        var unknownHelp = await sut.ApplyAsync(Subscriber(), new EmailCommand(CommandKind.Unknown, "HELLO"), apply: false);

        // Every kind but the two the ingestor carries out itself has a sample here, so a new kind must be answered to pass.
        Assert.Equal(
            Enum.GetValues<CommandKind>().Except([CommandKind.Unknown, CommandKind.Token, CommandKind.Undo]).Order(),
            samples.Keys.Order());
        foreach (var (kind, text) in samples)
        {
            var command = Parse(text);
            Assert.Equal(kind, command.Kind);
            var note = await sut.ApplyAsync(Subscriber(), command, apply: false, fromRegistered: true);
            Assert.NotEqual(unknownHelp.Blocks![0].Text, note.Blocks![0].Text);
        }
    }

    [Theory]
    [InlineData("TOKEN")]
    [InlineData("UNDO")]
    public async Task ApplyAsync_TokenOrUndo_RefusedAsAProgrammingErrorSinceTheIngestorCarriesThemOut(string text)
    {
        var sut = await CreateSutAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => sut.ApplyAsync(Subscriber(), Parse(text), apply: true));

        Assert.Equal(Subscriber(), await subscribers.FindByIdAsync(AlexId));
    }

    private static EmailCommand Parse(string text)
    {
        Assert.True(CommandParser.TryParse(text, out var command));
        return command!;
    }

    private async Task<EmailCommands> CreateSutAsync()
    {
        await subscribers.AddOrGetAsync(Subscriber());
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        return new EmailCommands(
            new SettingsService(subscribers, new UnusedScheduleStore(), time),
            new PersonalTokens(subscribers),
            new ExportService(subscribers, entries, acts, new InMemoryPhotoStore()),
            Signer(),
            MailSettings(),
            time,
            new JournalUndo(new InMemoryJournal(subscribers, entries, acts), new InMemoryJournal(subscribers, entries, acts), photos),
            new AddressChangeService(Signer(), subscribers, new NoteComposer(MailSettings(), Signer(), time), mail, new RecordingJobQueue(), MailSettings(), time, new RecordingInboundQueue(), NullLogger<AddressChangeService>.Instance),
            photos);
    }
}
