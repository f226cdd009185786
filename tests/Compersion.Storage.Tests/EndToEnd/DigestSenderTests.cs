using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Core.Outbound;
using Compersion.Core.Scheduling;
using Compersion.Core.Sending;
using NodaTime;

namespace Compersion.Storage.Tests.EndToEnd;

/// <summary>The weekly digest through the real wheel, queue handler and tables: composed from the journal, sent once per subscriber and week.</summary>
public sealed class DigestSenderTests(AzuriteFixture fixture) : PipelineTestBase(fixture)
{
    // The harness clock starts on Thursday 2026-01-15 at 06:00 UTC; the digest is due at 06:30.
    private static readonly LocalDate Thursday = new(2026, 1, 15);
    private static readonly Instant Due = Instant.FromUtc(2026, 1, 15, 6, 30, 30);

    [Fact]
    public async Task SendAsync_DispatchersOverlapAndTheQueueRedelivers_OneDigestWithTheSameSuggestions()
    {
        await Pipeline.Dispatcher.DispatchDueAsync();
        var subscriber = await Pipeline.AddConfirmedAsync("Etc/UTC", "20:00", "thursday", "06:30", joinedDaysAgo: 7);
        await Pipeline.Get<IEntryStore>().AppendAsync(subscriber.Id, Thursday.PlusDays(-2), [new JournalItem("Sam made pancakes", Social: true)]);
        await Pipeline.Get<IActStore>().AppendAsync(subscriber.Id, Thursday.PlusDays(-3), [ActClassifier.ToAct("shovelled the path for my neighbour")]);
        Pipeline.SetNow(Due);
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => Pipeline.Dispatcher.DispatchDueAsync())));
        var job = Assert.Single(await Pipeline.DrainQueueAsync());

        // A delivery that meets another mid-send throws (the queue would bring it back); the redelivery below stands for that.
        var reports = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            try
            {
                return (SendReport?)await Pipeline.Sender.SendAsync(job);
            }
            catch (MailNotSentException)
            {
                return null;
            }
        })));
        await Pipeline.Get<IActStore>().AppendAsync(subscriber.Id, Thursday.PlusDays(-1), [ActClassifier.ToAct("baked bread for the team")]);
        var redelivered = await Pipeline.Sender.SendAsync(job);

        Assert.Single(reports, report => report == SendReport.Sent);
        Assert.Equal(SendReport.Duplicate, redelivered);
        var digest = Assert.Single(Pipeline.Mail.Delivered);
        Assert.Equal("digest", digest.Kind);
        Assert.Equal(OutboundJob.IdFor(subscriber.Id, JobKind.Digest, Thursday), digest.Tags["job"]);
        Assert.Contains("  - shovelled the path for my neighbour\n", digest.Text, StringComparison.Ordinal);
        Assert.Contains("What a start: you wrote on 1 day, and 1 day had a person in it.", digest.Text, StringComparison.Ordinal);

        var record = Assert.Single((await Pipeline.Get<ISubscriberJournal>().LoadAsync(subscriber.Id)).Digests);
        Assert.Equal(Thursday, record.Date);
        Assert.Equal(3, record.IdeaIds.Count);
        Assert.All(record.IdeaIds, id => Assert.Contains(IdeaCatalog.Shipped.Find(id)!.Text, digest.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_NextWeeksDigest_SuggestsNoIdeaOfTheWeekBefore()
    {
        await Pipeline.Dispatcher.DispatchDueAsync();
        var subscriber = await Pipeline.AddConfirmedAsync("Etc/UTC", "20:00", "thursday", "06:30", joinedDaysAgo: 7);
        await Pipeline.Get<IEntryStore>().AppendAsync(subscriber.Id, Thursday.PlusDays(-1), [new JournalItem("Coffee")]);
        Pipeline.SetNow(Due);
        await Pipeline.Dispatcher.DispatchDueAsync();
        await Pipeline.Sender.SendAsync(Assert.Single(await Pipeline.DrainQueueAsync()));

        // A reply during the week keeps the subscriber out of the back-off, then the next digest.
        await Pipeline.Get<IEntryStore>().AppendAsync(subscriber.Id, Thursday.PlusDays(6), [new JournalItem("Tea")]);
        var next = OutboundJob.For(subscriber.Id, JobKind.Digest, Thursday.PlusWeeks(1));
        Pipeline.SetNow(Due + Duration.FromDays(7));
        await Pipeline.Sender.SendAsync(next);

        var records = (await Pipeline.Get<ISubscriberJournal>().LoadAsync(subscriber.Id)).Digests;
        Assert.Equal(2, records.Count);
        Assert.Empty(records[0].IdeaIds.Intersect(records[1].IdeaIds));
        Assert.Equal(2, Pipeline.Mail.Delivered.Count(mail => mail.Kind == "digest"));
    }

    [Fact]
    public async Task SendAsync_DigestFourDaysAfterJoining_IsSkippedAndRecordsNothing()
    {
        await Pipeline.Dispatcher.DispatchDueAsync();
        var subscriber = await Pipeline.AddConfirmedAsync("Etc/UTC", "20:00", "thursday", "06:30", joinedDaysAgo: 4);
        Pipeline.SetNow(Due);
        await Pipeline.Dispatcher.DispatchDueAsync();

        var report = await Pipeline.Sender.SendAsync(Assert.Single(await Pipeline.DrainQueueAsync()));

        Assert.Equal(SendReport.Skipped, report);
        Assert.Empty(Pipeline.Mail.Attempts);
        Assert.Empty((await Pipeline.Get<ISubscriberJournal>().LoadAsync(subscriber.Id)).Digests);
    }

    [Fact]
    public async Task SendAsync_DigestOfASubscriberQuietForThreeWeeks_IsSkipped()
    {
        var subscriber = await Pipeline.AddConfirmedAsync("Etc/UTC", "20:00", "thursday", "06:30");
        var threeWeeksOn = OutboundJob.For(subscriber.Id, JobKind.Digest, Thursday.PlusWeeks(3));
        Pipeline.SetNow(Due + Duration.FromDays(21));

        var report = await Pipeline.Sender.SendAsync(threeWeeksOn);

        Assert.Equal(SendReport.Skipped, report);
        Assert.Empty(Pipeline.Mail.Attempts);
    }
}
