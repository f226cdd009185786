using Compersion.Core.Inbound;
using Compersion.Core.Journal;
using Compersion.Core.Photos;
using Compersion.Core.Scheduling;
using Compersion.Core.Security;
using Compersion.Core.Subscribers;
using Compersion.Core.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Inbound;

public sealed class ArchiveReparserTests
{
    // Tuesday 2026-11-24, 21:00 in Berlin.
    private static readonly DateTimeOffset Arrival = new(2026, 11, 24, 20, 0, 0, TimeSpan.Zero);

    private readonly InMemorySubscriberStore subscribers = new();
    private readonly InMemoryEntryStore entries = new();
    private readonly InMemoryActStore acts = new();
    private readonly InMemoryInboundArchive archive = new();
    private readonly ScriptedMailReader reader = new();
    private readonly InMemoryInboundLedger ledger = new();
    private readonly InMemoryPostIndex postIndex = new();
    private readonly RecordingMailSender sender = new();
    private readonly RecordingJobQueue jobs = new();
    private readonly InMemoryPhotoStore photos = new();

    /// <summary>The reader is the extractor's front: the same archived bytes read by a fixed reader give two items, not one.</summary>
    [Fact]
    public async Task ReparseAsync_ReaderFixedSinceIngestion_ThatReplysItemsReplacedAndNothingElseTouched()
    {
        var (ingestor, sut) = await CreateAsync();
        var misread = Mail("m-1@example.org", "Soup with Ana the rain stopped");
        var handle = reader.Register(misread);
        var post = archive.Add(handle, Arrival);
        await ingestor.IngestAsync(post);
        await ingestor.IngestAsync(archive.Add(reader.Register(Mail("m-2@example.org", "A quiet bus")), Arrival));
        reader.Reread(handle, misread with { Text = "1. Soup with Ana\n2. The rain stopped" });

        var dryRun = await sut.ReparseAsync(post, apply: false);
        var itemsAfterDryRun = Texts(await entries.GetEntriesAsync(AlexId));
        var applied = await sut.ReparseAsync(post, apply: true);
        var again = await sut.ReparseAsync(post, apply: true);

        Assert.Equal((ReparseOutcome.Replaced, ReparseOutcome.Replaced, ReparseOutcome.Unchanged), (dryRun, applied, again));
        Assert.Equal(["Soup with Ana the rain stopped", "A quiet bus"], itemsAfterDryRun);
        Assert.Equal(["Soup with Ana", "The rain stopped", "A quiet bus"], Texts(await entries.GetEntriesAsync(AlexId)));
        Assert.Equal(2, sender.Sent.Count);
    }

    [Fact]
    public async Task ReparseAsync_QuarantinedFromASenderWhoSignedUpSince_JournaledQuietlyOnceAndTheLedgerDone()
    {
        var (ingestor, sut) = await CreateAsync();
        var mail = Mail("m-3@example.org", "1. Tea with Sam\n2. Snow", from: "sam@example.org", token: false);
        var post = archive.Add(reader.Register(mail), Arrival);
        await ingestor.IngestAsync(post);
        var sam = await subscribers.AddOrGetAsync(Subscriber() with { Id = "samsamsamsamsams", Email = "sam@example.org" });

        var applied = await sut.ReparseAsync(post, apply: true);
        var again = await sut.ReparseAsync(post, apply: true);
        var reingested = await ingestor.IngestAsync(post);

        Assert.Equal((ReparseOutcome.Reattributed, ReparseOutcome.Unchanged, IngestOutcome.Duplicate), (applied, again, reingested));
        Assert.Equal(["Tea with Sam", "Snow"], Texts(await entries.GetEntriesAsync(sam.Id)));
        Assert.Empty(sender.Sent);
        Assert.Single(postIndex.PostsOf(sam.Id));
    }

    [Fact]
    public async Task ReparseAsync_PhotosNotReadAtIngestion_KeptOnceAndNeverDoubled()
    {
        var (ingestor, sut) = await CreateAsync();
        var withoutPhotos = Mail("m-5@example.org", "1. Soup with Ana");
        var handle = reader.Register(withoutPhotos);
        var post = archive.Add(handle, Arrival);
        await ingestor.IngestAsync(post);
        reader.Reread(handle, withoutPhotos with { Attachments = [Photo("soup.jpg"), Photo("ana.jpg")] });

        var applied = await sut.ReparseAsync(post, apply: true);
        var again = await sut.ReparseAsync(post, apply: true);

        Assert.Equal((ReparseOutcome.Replaced, ReparseOutcome.Unchanged), (applied, again));
        Assert.Equal([("soup.jpg", Date("2026-11-24")), ("ana.jpg", Date("2026-11-24"))], photos.Of(AlexId).Select(p => (p.Name, p.Date)));
        Assert.Equal(["Soup with Ana"], Texts(await entries.GetEntriesAsync(AlexId)));
    }

    [Fact]
    public async Task ReparseSinceAsync_DryRunOverPhotosNotReadAtIngestion_CountsThePhotosApplyKeepsAndStoresNone()
    {
        var (ingestor, sut) = await CreateAsync();
        var withoutPhotos = Mail("m-7@example.org", "1. Soup with Ana");
        var handle = reader.Register(withoutPhotos);
        await ingestor.IngestAsync(archive.Add(handle, Arrival));
        reader.Reread(handle, withoutPhotos with { Attachments = [Photo("soup.jpg"), new MailAttachment("fake.jpg", "image/jpeg", null, 5_000, new byte[5_000]), Photo("ana.jpg")] });
        var since = DateOnly.FromDateTime(Arrival.UtcDateTime);

        var dryRun = await sut.ReparseSinceAsync(since, apply: false);
        var photosAfterDryRun = photos.Of(AlexId).Count;
        var applied = await sut.ReparseSinceAsync(since, apply: true);
        var again = await sut.ReparseSinceAsync(since, apply: true);

        Assert.Equal((1, 2), (dryRun[ReparseOutcome.Replaced], dryRun.PhotosAdded));
        Assert.Equal(0, photosAfterDryRun);
        Assert.Equal((1, 2), (applied[ReparseOutcome.Replaced], applied.PhotosAdded));
        Assert.Equal((1, 0), (again[ReparseOutcome.Unchanged], again.PhotosAdded));
        Assert.Equal(["soup.jpg", "ana.jpg"], photos.Of(AlexId).Select(p => p.Name));
    }

    [Fact]
    public async Task ReparseAsync_ReplyWithPhotosTakenBackByUndo_NoPhotoComesBack()
    {
        var (ingestor, sut) = await CreateAsync();
        var reply = Mail("m-6@example.org", "1. Soup with Ana") with { Attachments = [Photo("soup.jpg")] };
        var post = archive.Add(reader.Register(reply), Arrival);
        await ingestor.IngestAsync(post);
        var undo = Mail("undo-6@example.org", "UNDO") with { References = ["receipt@compersion.local", "m-6@example.org"] };
        await ingestor.IngestAsync(archive.Add(reader.Register(undo), Arrival.AddMinutes(5)));

        var outcome = await sut.ReparseAsync(post, apply: true);

        Assert.Equal(ReparseOutcome.KeptCorrected, outcome);
        Assert.Empty(photos.Of(AlexId));
        Assert.Empty(Texts(await entries.GetEntriesAsync(AlexId)));
    }

    private static MailAttachment Photo(string name) => new(name, "image/jpeg", null, 60_000, ScriptedPhotoImaging.Picture(1600, 1200));

    [Fact]
    public async Task ReparseAsync_ACommand_NeverCarriedOutAgain()
    {
        var (ingestor, sut) = await CreateAsync();
        var post = archive.Add(reader.Register(Mail("m-4@example.org", "PAUSE")), Arrival);
        await ingestor.IngestAsync(post);
        await subscribers.SaveAsync((await subscribers.FindByIdAsync(AlexId))! with { Status = SubscriberStatus.Active });

        var outcome = await sut.ReparseAsync(post, apply: true);

        Assert.Equal(ReparseOutcome.NotReplayed, outcome);
        Assert.Equal(SubscriberStatus.Active, (await subscribers.FindByIdAsync(AlexId))!.Status);
        Assert.Single(sender.Sent);
    }

    private static string[] Texts(IReadOnlyList<JournalEntry> days) => [.. days.SelectMany(day => day.Items).Select(item => item.Text)];

    private static InboundMail Mail(string messageId, string text, string from = "alex@example.org", bool token = true) => new(
        messageId,
        from,
        [token ? $"reply+{Signer().ForReply(TokenPurpose.Prompt, AlexId, Date("2026-11-24"))}@{InboundDomain}" : $"hello@{InboundDomain}"],
        "Re: today",
        text,
        null,
        SpfPass: true,
        DkimPass: true,
        ContentHash: "hash-" + messageId);

    private async Task<(ReplyIngestor Ingestor, ArchiveReparser Reparser)> CreateAsync()
    {
        await subscribers.AddOrGetAsync(Subscriber());
        var time = new FakeTimeProvider(Arrival);
        var journal = new InMemoryJournal(subscribers, entries, acts);
        var parts = new ReplyIngestorParts(subscribers, time)
        {
            Archive = archive,
            Reader = reader,
            Ledger = ledger,
            PostIndex = postIndex,
            Entries = entries,
            Acts = acts,
            Sender = sender,
            Jobs = jobs,
            Photos = photos,
            Journal = journal,
        };
        var ingestor = parts.Build();
        var reparser = new ArchiveReparser(archive, reader, ledger, new NoQueue(), postIndex, parts.Attribution(), parts.Writer(), journal, journal, new ReplyPhotos(parts.Imaging, photos, NullLogger<ReplyPhotos>.Instance), photos, NullLogger<ArchiveReparser>.Instance);
        return (ingestor, reparser);
    }

    private sealed class NoQueue : IInboundQueue
    {
        public Task EnqueueAsync(string archiveName, CancellationToken cancellationToken = default) => throw new InvalidOperationException("Nothing here is queued.");
    }
}
