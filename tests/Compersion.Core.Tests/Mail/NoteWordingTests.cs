using System.Text.RegularExpressions;
using Compersion.Core.Access;
using Compersion.Core.Inbound;
using Compersion.Core.Mail;
using Compersion.Core.Privacy;
using Compersion.Core.Security;
using Compersion.Core.Subscribers;
using Compersion.Core.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Mail;

/// <summary>
/// The notes that are not command answers (held mail, fresh links, the farewell, address confirmations and notices, the
/// unknown-sender note), word for word as a reader gets them: each held to <c>TestData/notes/{case}.txt</c>.
/// </summary>
/// <remarks>
/// The files were written from these notes as they read before their words moved into <c>Mail/Notes/*.liquid</c>. Link
/// tokens are shown as <c>token=…</c> (an address confirmation's nonce is random). Set <c>COMPERSION_WRITE_NOTES</c> to a
/// folder to write the files there after changing wording on purpose.
/// </remarks>
public sealed partial class NoteWordingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 20, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, Func<Parts, Task<string>>> Cases = new(StringComparer.Ordinal)
    {
        ["held-command"] = p => Task.FromResult(Show(p.Held.Note(p.Subscriber, "post-1", "TIME 07:30", []))),
        ["held-lines"] = p => Task.FromResult(Show(p.Held.Note(p.Subscriber, "post-1", null, ["the snow", "Sam's laugh"]))),
        ["held-nothing"] = p => Task.FromResult(Show(p.Held.Note(p.Subscriber, "post-1", null, []))),
        ["fresh-settings-link"] = async p =>
        {
            Assert.True(await p.Access.SendFreshLinkAsync(Signer().ForLink(TokenPurpose.Settings, AlexId, Instant.FromDateTimeOffset(Now) - Duration.FromDays(1))));
            return p.SentMail(0);
        },
        ["fresh-journal-link"] = async p =>
        {
            Assert.True(await p.Access.SendFreshJournalLinkAsync(Signer().ForLink(TokenPurpose.Journal, AlexId, Instant.FromDateTimeOffset(Now) - Duration.FromDays(1))));
            return p.SentMail(0);
        },
        ["deleted"] = async p =>
        {
            Assert.Equal(DeleteOutcome.Deleted, await p.Deletion.DeleteAsync(Signer().ForLink(TokenPurpose.Delete, AlexId, Instant.FromDateTimeOffset(Now) + Duration.FromHours(1))));
            return p.SentMail(0);
        },
        ["address-confirm-extra"] = async p =>
        {
            Assert.Equal(AddressRequestOutcome.Sent, await p.Addresses.RequestAsync(p.Subscriber, "alex@work.example", extra: true));
            return p.SentMail(0);
        },
        ["address-confirm-new"] = async p =>
        {
            Assert.Equal(AddressRequestOutcome.Sent, await p.Addresses.RequestAsync(p.Subscriber, "alex@new.example"));
            return p.SentMail(0);
        },
        ["address-added"] = async p =>
        {
            await p.Addresses.RequestAsync(p.Subscriber, "alex@work.example", extra: true);
            Assert.Equal(AddressConfirmOutcome.Added, await p.Addresses.ConfirmAsync(p.ConfirmToken()));
            return p.SentMail(1);
        },
        ["address-moved"] = async p =>
        {
            await p.Addresses.RequestAsync(p.Subscriber, "alex@new.example");
            Assert.Equal(AddressConfirmOutcome.Done, await p.Addresses.ConfirmAsync(p.ConfirmToken()));

            // Queued as a job since CHANGE ADDRESS; the outbox composes the notice this way.
            return Parts.Describe(p.MovedNotice!.Compose((await p.Subscribers!.FindByIdAsync(p.Subscriber.Id))!, Instant.FromDateTimeOffset(p.Time!.GetUtcNow()), "job")!);
        },
        ["unknown-sender"] = async p =>
        {
            Assert.True(await p.UnknownSender.TellAsync(p.Subscriber, "tom@work.example"));
            return p.SentMail(0);
        },
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Note_EveryCase_ReadsWordForWordAsItsFile(string name)
    {
        var shown = await Cases[name](await Parts.CreateAsync());

        await WordingFiles.AssertSameAsync("notes", name, shown, "COMPERSION_WRITE_NOTES");
    }

    [Fact]
    public void Cases_EveryNoteFile_HasItsCase()
    {
        var files = WordingFiles.Names("notes");

        Assert.Equal(Cases.Keys.Order(StringComparer.Ordinal), files);
    }

    private static string Show(AnswerNote note)
    {
        var mail = new NoteComposer(MailSettings(), Signer(), new FakeTimeProvider(Now)).Compose(Subscriber(), note.Kind, note.Subject, note.Blocks!, "job", offersHelp: note.OffersHelp);
        return Masked($"{mail.Subject}\n\n{mail.Text}");
    }

    private static string Masked(string text) => LinkToken().Replace(text, "token=…");

    [GeneratedRegex(@"token=[^\s&]+")]
    private static partial Regex LinkToken();

    [GeneratedRegex(@"token=([^\s&]+)")]
    private static partial Regex LinkTokenValue();

    private sealed class Parts
    {
        private readonly RecordingMailSender sender = new();

        public Subscriber Subscriber { get; private set; } = null!;

        public HeldMail Held { get; private set; } = null!;

        public SettingsAccessService Access { get; private set; } = null!;

        public DeletionService Deletion { get; private set; } = null!;

        public AddressChangeService Addresses { get; private set; } = null!;

        public UnknownSenderNote UnknownSender { get; private set; } = null!;

        public static async Task<Parts> CreateAsync()
        {
            var time = new FakeTimeProvider(Now);
            var subscribers = new InMemorySubscriberStore();
            var notes = new NoteComposer(MailSettings(), Signer(), time);
            var p = new Parts { Subscriber = await subscribers.AddOrGetAsync(TestFixtures.Subscriber()) };
            p.Held = new HeldMail(Signer(), MailSettings(), new InMemoryOutbox(), time);
            p.Access = new SettingsAccessService(Signer(), subscribers, notes, p.sender, new InMemoryOutbox(), MailSettings(), time, NullLogger<SettingsAccessService>.Instance);
            p.Deletion = new DeletionService(subscribers, new AcceptingScheduleStore(), new InMemoryPersonalDataStore(subscribers), new InMemoryPhotoStore(), Signer(), notes, p.sender, time, NullLogger<DeletionService>.Instance);
            p.Addresses = new AddressChangeService(Signer(), subscribers, notes, p.sender, new RecordingJobQueue(), MailSettings(), time, new RecordingInboundQueue(), NullLogger<AddressChangeService>.Instance);
            p.MovedNotice = new AddressMovedNotice(Signer(), notes, MailSettings());
            p.Subscribers = subscribers;
            p.Time = time;
            p.UnknownSender = new UnknownSenderNote(subscribers, notes, p.sender, time, NullLogger<UnknownSenderNote>.Instance);
            return p;
        }

        public AddressMovedNotice? MovedNotice { get; set; }

        public InMemorySubscriberStore? Subscribers { get; set; }

        public TimeProvider? Time { get; set; }

        public string SentMail(int index) => Describe(sender.Sent[index]);

        public static string Describe(Core.Sending.OutgoingMail mail)
        {
            return Masked($"To: {mail.To}\nReply-To: {(mail.ReplyTo is null ? "none" : "a reply token")}\n{mail.Subject}\n\n{mail.Text}");
        }

        public string ConfirmToken() => LinkTokenValue().Match(sender.Sent[0].Text).Groups[1].Value;
    }
}
