using System.Text;
using Compersion.Core.Access;
using Compersion.Core.Api;
using Compersion.Core.Commands;
using Compersion.Core.Export;
using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Core.Mail;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Compersion.Core.Subscriptions;
using Compersion.Core.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Commands;

/// <summary>
/// Every answer an email command can get, word for word: each case's subject and blocks are held to
/// <c>TestData/answers/{case}.txt</c>, so a changed word in a note template shows as a changed file in review.
/// </summary>
/// <remarks>
/// The files were written from the answers as they read before the words moved into <c>Mail/Notes/*.liquid</c>. A personal
/// token is random, so it reads <c>(token)</c>. Set <c>COMPERSION_WRITE_ANSWERS</c> to a folder to write the files there
/// after changing wording on purpose.
/// </remarks>
public sealed class EmailCommandAnswersTests
{
    private const string TokenShown = "(token)";

    private static readonly Dictionary<string, Func<Case, Task<AnswerNote>>> Cases = new(StringComparer.Ordinal)
    {
        ["pause"] = c => c.ApplyAsync("PAUSE"),
        ["pause-until"] = c => c.ApplyAsync("PAUSE 2 WEEKS"),
        ["pause-past-date"] = c => c.ApplyAsync("PAUSE 2026-11-01"),
        ["pause-until-unsubscribed"] = async c => await c.ApplyAsync("PAUSE 2 WEEKS", (await c.UpdateAsync(s => s.Unsubscribe()))!),
        ["resume"] = c => c.ApplyAsync("RESUME"),
        ["resume-prompts-off"] = async c => await c.ApplyAsync("RESUME", (await c.UpdateAsync(s => s.Pause() with { PromptsEnabled = false }))!),
        ["resume-both-off"] = async c => await c.ApplyAsync("RESUME", (await c.UpdateAsync(s => s.Pause() with { PromptsEnabled = false, DigestEnabled = false }))!),
        ["stop"] = c => c.ApplyAsync("STOP"),
        ["time"] = c => c.ApplyAsync("TIME 07:30"),
        ["time-twelve-hour"] = async c => await c.ApplyAsync("TIME 07:30", (await c.UpdateAsync(s => s with { TwelveHourClock = true }))!),
        ["zone"] = c => c.ApplyAsync("ZONE America/New_York"),
        ["digest-moved"] = c => c.ApplyAsync("DIGEST SATURDAY 09:00"),
        ["digest-on"] = c => c.ApplyAsync("DIGEST ON"),
        ["digest-on-paused"] = async c => await c.ApplyAsync("DIGEST ON", (await c.UpdateAsync(s => s.Pause()))!),
        ["digest-off"] = c => c.ApplyAsync("DIGEST OFF"),
        ["digest-off-prompts-off"] = async c => await c.ApplyAsync("DIGEST OFF", (await c.UpdateAsync(s => s with { PromptsEnabled = false }))!),
        ["prompts-on"] = c => c.ApplyAsync("PROMPTS ON"),
        ["prompts-on-paused-until"] = async c => await c.ApplyAsync("PROMPTS ON", (await c.UpdateAsync(s => s.PauseUntil(Date("2026-12-28"))))!),
        ["prompts-off"] = c => c.ApplyAsync("PROMPTS OFF"),
        ["prompts-off-digest-off"] = async c => await c.ApplyAsync("PROMPTS OFF", (await c.UpdateAsync(s => s with { DigestEnabled = false }))!),
        ["goal-0"] = c => c.ApplyAsync("GOAL 0"),
        ["goal-1"] = c => c.ApplyAsync("GOAL 1"),
        ["goal-3"] = c => c.ApplyAsync("GOAL 3"),
        ["command-fix"] = c => c.ApplyAsync("TIME 25:00"),
        ["add-address-not-from-main"] = c => c.ApplyAsync("ADD ADDRESS alex@work.example"),
        ["add-address"] = c => c.ApplyAsync("ADD ADDRESS alex@work.example", fromRegistered: true),
        ["add-address-same"] = async c => await c.ApplyAsync("ADD ADDRESS alex@work.example", (await c.UpdateAsync(s => s with { ExtraAddresses = ["alex@work.example"] }))!, fromRegistered: true),
        ["add-address-too-many"] = async c => await c.ApplyAsync(
            "ADD ADDRESS alex@work.example",
            (await c.UpdateAsync(s => s with { ExtraAddresses = [.. Enumerable.Range(1, global::Compersion.Core.Subscribers.Subscriber.MaxExtraAddresses).Select(i => $"alex{i}@other.example")] }))!,
            fromRegistered: true),
        ["add-address-not-sent"] = c => c.ApplyAsync("ADD ADDRESS alex@work.example", fromRegistered: true, sendFails: true),
        ["remove-address"] = async c => await c.ApplyAsync("REMOVE ADDRESS alex@work.example", (await c.UpdateAsync(s => s with { ExtraAddresses = ["alex@work.example"] }))!, fromRegistered: true),
        ["remove-address-not-theirs"] = c => c.ApplyAsync("REMOVE ADDRESS alex@work.example", fromRegistered: true),
        ["export-empty"] = c => c.ApplyAsync("EXPORT"),
        ["export-one-day"] = async c =>
        {
            await c.Entries.AppendAsync(AlexId, Date("2026-11-24"), [new("warm socks")], "k1");
            return await c.ApplyAsync("EXPORT");
        },
        ["export-two-days"] = async c =>
        {
            await c.Entries.AppendAsync(AlexId, Date("2026-11-23"), [new("a long call with Sam")], "k1");
            await c.Entries.AppendAsync(AlexId, Date("2026-11-24"), [new("warm socks")], "k2");
            return await c.ApplyAsync("EXPORT");
        },
        ["settings"] = c => c.ApplyAsync("SETTINGS"),
        ["journal"] = c => c.ApplyAsync("JOURNAL"),
        ["help"] = c => c.ApplyAsync("HELP"),
        ["unknown-command"] = c => c.ApplyAsync("FROBNICATE"),
        ["token"] = c => c.Sut.IssueTokenAsync(c.Subscriber),
        ["unsubscribed"] = c => Task.FromResult(c.Sut.Unsubscribed(c.Subscriber)),
        ["undo-too-late"] = async c => (await c.Sut.UndoAsync(c.Subscriber, ["m1"], apply: true, tooLate: true)).Note,
        ["undo-nothing"] = async c => (await c.Sut.UndoAsync(c.Subscriber, ["m1"], apply: true)).Note,
        ["undo-redelivered"] = async c => (await c.Sut.UndoAsync(c.Subscriber, ["m1"], apply: false, takenBefore: true)).Note,
        ["undo-one-gratitude"] = async c =>
        {
            await c.Entries.AppendAsync(AlexId, Date("2026-11-25"), [new("the snow") { Source = "m1" }], "m1");
            return (await c.Sut.UndoAsync(c.Subscriber, ["m1"], apply: true)).Note;
        },
        ["undo-one-act"] = async c =>
        {
            await c.Acts.AppendAsync(AlexId, Date("2026-11-25"), [new KindAct("left a note for my neighbour") { Source = "m1" }], "m1");
            return (await c.Sut.UndoAsync(c.Subscriber, ["m1"], apply: true)).Note;
        },
        ["undo-gratitudes-and-act"] = async c =>
        {
            await c.Entries.AppendAsync(AlexId, Date("2026-11-25"), [new("the snow") { Source = "m1" }, new("Sam's laugh") { Source = "m1" }], "m1");
            await c.Acts.AppendAsync(AlexId, Date("2026-11-25"), [new KindAct("left a note for my neighbour") { Source = "m1" }], "m1");
            return (await c.Sut.UndoAsync(c.Subscriber, ["m1"], apply: true)).Note;
        },
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Answer_EveryCase_ReadsWordForWordAsItsFile(string name)
    {
        var answer = await Cases[name](await Case.CreateAsync());

        var shown = Show(answer);
        await WordingFiles.AssertSameAsync("answers", name, shown, "COMPERSION_WRITE_ANSWERS");
    }

    [Fact]
    public void Cases_EveryAnswerFile_HasItsCase()
    {
        var files = WordingFiles.Names("answers");

        Assert.Equal(Cases.Keys.Order(StringComparer.Ordinal), files);
    }

    // The note as a reader meets it, block by block.
    private static string Show(AnswerNote note)
    {
        var blocks = note.Blocks;
        var text = new StringBuilder()
            .Append("kind: ").Append(note.Kind).Append('\n')
            .Append("subject: ").Append(note.Subject).Append('\n')
            .Append("offers help: ").Append(note.OffersHelp ? "yes" : "no").Append('\n')
            .Append("attachments: ").AppendJoin(", ", (note.Attachments ?? []).Select(a => a.FileName)).Append('\n');
        foreach (var block in blocks)
        {
            text.Append('\n');
            _ = block.Kind switch
            {
                "paragraph" => text.Append(block.Text).Append('\n'),
                "link" => text.Append('[').Append(block.Text).Append("](").Append(block.Url).Append(")\n"),
                "code" => text.Append("    ").Append(block.Text.StartsWith("https://", StringComparison.Ordinal) ? block.Text : TokenShown).Append('\n'),
                "list" => text.AppendJoin(string.Empty, block.Items.Select(item => $"- {item}\n")),
                "numbered" => text.AppendJoin(string.Empty, block.Items.Select((item, i) => $"{i + 1}. {item}\n")),
                "terms" => text.AppendJoin(string.Empty, block.Terms.Select(term => $"{term.Term}: {term.Meaning}\n")),
                _ => throw new InvalidOperationException(block.Kind),
            };
        }

        return text.ToString();
    }

    private sealed class Case
    {
        private readonly InMemorySubscriberStore subscribers = new();
        private readonly RecordingMailSender mail = new();

        public InMemoryEntryStore Entries { get; } = new();

        public InMemoryActStore Acts { get; } = new();

        public InMemoryPhotoStore Photos { get; } = new();

        public Subscriber Subscriber { get; private set; } = null!;

        public EmailCommands Sut { get; private set; } = null!;

        public static async Task<Case> CreateAsync()
        {
            var c = new Case();
            c.Subscriber = await c.subscribers.AddOrGetAsync(TestFixtures.Subscriber());
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
            c.Sut = new EmailCommands(
                new SettingsService(c.subscribers, new AcceptingScheduleStore(), time),
                new PersonalTokens(c.subscribers),
                new ExportService(c.subscribers, c.Entries, c.Acts, c.Photos),
                Signer(),
                MailSettings(),
                time,
                new JournalUndo(new InMemoryJournal(c.subscribers, c.Entries, c.Acts), new InMemoryJournal(c.subscribers, c.Entries, c.Acts), c.Photos),
                new AddressChangeService(Signer(), c.subscribers, new NoteComposer(MailSettings(), Signer(), time), c.mail, new RecordingJobQueue(), MailSettings(), time, new RecordingInboundQueue(), NullLogger<AddressChangeService>.Instance),
                c.Photos);
            return c;
        }

        public async Task<Subscriber?> UpdateAsync(Func<Subscriber, Subscriber> change) =>
            Subscriber = (await subscribers.UpdateAsync(AlexId, change))!;

        public Task<AnswerNote> ApplyAsync(string line, Subscriber? subscriber = null, bool fromRegistered = false, bool sendFails = false)
        {
            Assert.True(CommandParser.TryParse(line, out var command), line);
            if (sendFails)
            {
                mail.Answer = SendResult.NotSent("refused");
            }

            return Sut.ApplyAsync(subscriber ?? Subscriber, command!, apply: true, fromRegistered);
        }
    }
}
