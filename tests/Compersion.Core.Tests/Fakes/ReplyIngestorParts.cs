using Compersion.Core.Access;
using Compersion.Core.Api;
using Compersion.Core.Commands;
using Compersion.Core.Export;
using Compersion.Core.Inbound;
using Compersion.Core.Journal;
using Compersion.Core.Mail;
using Compersion.Core.Photos;
using Compersion.Core.Subscriptions;
using Microsoft.Extensions.Logging.Abstractions;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Fakes;

/// <summary>
/// A <see cref="ReplyIngestor"/> over in-memory fakes, built in one place: a test names only the parts it looks at, and a
/// new dependency of the ingestor is added here once rather than in every test class.
/// </summary>
internal sealed class ReplyIngestorParts(InMemorySubscriberStore subscribers, TimeProvider time)
{
    public InMemorySubscriberStore Subscribers => subscribers;

    public InMemoryInboundArchive Archive { get; init; } = new();

    public ScriptedMailReader Reader { get; init; } = new();

    public InMemoryInboundLedger Ledger { get; init; } = new();

    public InMemoryPostIndex PostIndex { get; init; } = new();

    public InMemoryEntryStore Entries { get; init; } = new();

    public InMemoryActStore Acts { get; init; } = new();

    public RecordingMailSender Sender { get; init; } = new();

    public RecordingJobQueue Jobs { get; init; } = new();

    public IPhotoImaging Imaging { get; init; } = new ScriptedPhotoImaging();

    public IPhotoStore Photos { get; init; } = new InMemoryPhotoStore();

    /// <summary>The journal the ingestor edits (<c>UNDO</c>); one over <see cref="Entries"/> and <see cref="Acts"/> when not given.</summary>
    /// <remarks>Give the same instance to whatever else reads corrections (the archive reparser), since it keeps them.</remarks>
    public InMemoryJournal? Journal { get; init; }

    /// <summary>The notes' composer; one over the test mail settings when not given.</summary>
    public NoteComposer? Notes { get; init; }

    /// <summary>Who the mail is from, as the ingestor sees it.</summary>
    public ReplyAttribution Attribution() => new(subscribers, Signer(), MailSettings());

    /// <summary>Where items and acts are written.</summary>
    public JournalWriter Writer() => new(Entries, Acts, Settings());

    public ReplyIngestor Build()
    {
        var notes = Notes ?? new NoteComposer(MailSettings(), Signer(), time);
        var journal = Journal ?? new InMemoryJournal(subscribers, Entries, Acts);
        var subscriptions = new SubscriptionService(subscribers, new AcceptingScheduleStore(), Jobs, Signer(), time, NullLogger<SubscriptionService>.Instance);
        return new ReplyIngestor(
            Archive,
            Reader,
            Ledger,
            PostIndex,
            Attribution(),
            new EmailCommands(
                Settings(),
                new PersonalTokens(subscribers),
                new ExportService(subscribers, Entries, Acts, Photos),
                Signer(),
                MailSettings(),
                time,
                new JournalUndo(journal, journal, Photos),
                new AddressChangeService(Signer(), subscribers, notes, Sender, Jobs, MailSettings(), time, new RecordingInboundQueue(), NullLogger<AddressChangeService>.Instance),
                Photos),
            Writer(),
            new ReplyAnswers(Ledger, notes, Sender, time, NullLogger<ReplyAnswers>.Instance),
            subscriptions,
            new HeldMail(Signer(), MailSettings(), new InMemoryOutbox(), time),
            new SignUpByMail(subscriptions, subscribers, MailSettings()),
            new UnknownSenderNote(subscribers, notes, Sender, time, NullLogger<UnknownSenderNote>.Instance),
            new ReplyPhotos(Imaging, Photos, NullLogger<ReplyPhotos>.Instance),
            NullLogger<ReplyIngestor>.Instance);
    }

    private SettingsService Settings() => new(subscribers, new AcceptingScheduleStore(), time);
}
