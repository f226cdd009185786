using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Compersion.Core.Inbound;
using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Core.Privacy;
using Compersion.Core.Scheduling;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using NodaTime;

namespace Compersion.Storage.Tests.Privacy;

public sealed class TablePersonalDataStoreTests(AzuriteFixture fixture) : StorageTestBase(fixture)
{
    private static readonly LocalDate Day = new(2026, 11, 25);

    private IPersonalDataStore Sut => Harness.Get<IPersonalDataStore>();

    [Fact]
    public async Task EraseRecordsThenProfile_SubscriberWithEverything_NothingOfTheirsIsLeftAndTheOtherIsUntouched()
    {
        var gone = await SeedAsync();
        var kept = await SeedAsync();

        await Sut.EraseRecordsAsync(gone.Subscriber.Id);
        var erased = await Sut.EraseProfileAsync(gone.Subscriber);

        Assert.True(erased);
        Assert.Empty(await RowsAsync(TableNames.Subscribers, gone.Subscriber.Id));
        Assert.Empty(await RowsAsync(TableNames.Outbox, gone.Subscriber.Id));
        Assert.Empty(await RowsAsync(TableNames.SubscriberPosts, gone.Subscriber.Id));
        Assert.Empty(await RowsAsync(TableNames.SubscriberEmails, EmailAddress.Hash(gone.Subscriber.Email)));
        Assert.Empty(await RowsAsync(TableNames.Inbound, gone.MessageKey));
        Assert.False(await Archive().GetBlobClient(gone.Archive).ExistsAsync());
        Assert.Null(await Harness.Get<ISubscriberStore>().FindByEmailAsync(gone.Subscriber.Email));

        Assert.Equal(4, (await RowsAsync(TableNames.Subscribers, kept.Subscriber.Id)).Count);
        Assert.Single(await RowsAsync(TableNames.Outbox, kept.Subscriber.Id));
        Assert.Single(await RowsAsync(TableNames.SubscriberPosts, kept.Subscriber.Id));
        Assert.Single(await RowsAsync(TableNames.SubscriberEmails, EmailAddress.Hash(kept.Subscriber.Email)));
        Assert.Single(await RowsAsync(TableNames.Inbound, kept.MessageKey));
        Assert.True(await Archive().GetBlobClient(kept.Archive).ExistsAsync());
    }

    [Fact]
    public async Task EraseRecordsAsync_RunTwice_SecondRunFindsNothingAndDoesNotFail()
    {
        var seeded = await SeedAsync();
        await Sut.EraseRecordsAsync(seeded.Subscriber.Id);

        await Sut.EraseRecordsAsync(seeded.Subscriber.Id);

        Assert.Equal([SubscriberPartition.ProfileRowKey], (await RowsAsync(TableNames.Subscribers, seeded.Subscriber.Id)).Select(r => r.RowKey));
    }

    [Fact]
    public async Task EraseProfileAsync_SubscriberWithAFurtherAddress_ItsIndexRowGoesToo()
    {
        var store = Harness.Get<ISubscriberStore>();
        var subscriber = await store.AddOrGetAsync(TestData.NewSubscriber() with { Status = SubscriberStatus.Active });
        var extra = TestData.NewAddress();
        var with = (await store.ChangeAddressAsync(subscriber.Id, s => s with { ExtraAddresses = [extra] })).After!;
        Assert.Single(await RowsAsync(TableNames.SubscriberEmails, EmailAddress.Hash(extra)));

        await Sut.EraseProfileAsync(with);

        Assert.Empty(await RowsAsync(TableNames.SubscriberEmails, EmailAddress.Hash(extra)));
        Assert.Empty(await RowsAsync(TableNames.SubscriberEmails, EmailAddress.Hash(subscriber.Email)));
        Assert.Null(await store.FindByEmailAsync(extra));
    }

    [Fact]
    public async Task EraseProfileAsync_AlreadyErased_False()
    {
        var seeded = await SeedAsync();
        await Sut.EraseProfileAsync(seeded.Subscriber);

        var again = await Sut.EraseProfileAsync(seeded.Subscriber);

        Assert.False(again);
    }

    /// <summary>A post held as unverified and then kept has two ledger rows; one replayed from before keys named the subscriber has its old key's row too.</summary>
    [Fact]
    public async Task EraseRecordsAsync_PostRecordedUnderThreeLedgerKeys_EveryLedgerRowGone()
    {
        var seeded = await SeedAsync();
        var ledger = Harness.Get<IInboundLedger>();
        var index = Harness.Get<IPostIndex>();
        string[] keys = ["u:" + Guid.NewGuid().ToString("N"), "s:" + Guid.NewGuid().ToString("N")];
        foreach (var key in keys)
        {
            await ledger.BeginAsync(key, seeded.Archive);
            await ledger.AdvanceAsync(key, InboundStage.Done, seeded.Subscriber.Id, null);
            await index.RecordAsync(seeded.Subscriber.Id, seeded.Archive, key);
        }

        await Sut.EraseRecordsAsync(seeded.Subscriber.Id);

        var left = new List<string>();
        foreach (var key in keys.Append(seeded.MessageKey))
        {
            left.AddRange((await RowsAsync(TableNames.Inbound, key)).Select(row => row.PartitionKey));
        }

        Assert.Empty(left);
        Assert.False(await Archive().GetBlobClient(seeded.Archive).ExistsAsync());
        Assert.Empty(await RowsAsync(TableNames.SubscriberPosts, seeded.Subscriber.Id));
    }

    [Fact]
    public async Task RecordAsync_SamePostTwice_OneIndexRow()
    {
        var subscriber = await Harness.Get<ISubscriberStore>().AddOrGetAsync(TestData.NewSubscriber());
        var index = Harness.Get<IPostIndex>();

        await index.RecordAsync(subscriber.Id, "2026/11/25/190030-abc", "m:key");
        await index.RecordAsync(subscriber.Id, "2026/11/25/190030-abc", "m:key");

        var row = Assert.Single(await RowsAsync(TableNames.SubscriberPosts, subscriber.Id));
        Assert.Equal("2026/11/25/190030-abc", row.GetString("Archive"));
    }

    private async Task<Seeded> SeedAsync()
    {
        var subscriber = await Harness.Get<ISubscriberStore>().AddOrGetAsync(TestData.NewSubscriber() with { Status = SubscriberStatus.Active });
        await Harness.Get<IEntryStore>().AppendAsync(subscriber.Id, Day, [new JournalItem("Lunch with Sam", Social: true)]);
        await Harness.Get<IActStore>().AppendAsync(subscriber.Id, Day, [new KindAct("Left flowers for the neighbour")]);
        var job = OutboundJob.For(subscriber.Id, JobKind.Prompt, Day);
        await Harness.Get<IOutbox>().TryClaimAsync(job, Instant.FromUtc(2026, 11, 25, 19, 0));
        using var post = new MemoryStream("raw post"u8.ToArray());
        var archive = await Harness.Get<IInboundArchive>().StoreAsync(post, "multipart/form-data; boundary=x", DateTimeOffset.UnixEpoch.AddYears(56));
        var key = "m:" + Guid.NewGuid().ToString("N");
        await Harness.Get<IInboundLedger>().BeginAsync(key, archive);
        await Harness.Get<IPostIndex>().RecordAsync(subscriber.Id, archive, key);
        return new Seeded(subscriber, archive, key);
    }

    private async Task<List<TableEntity>> RowsAsync(string table, string partitionKey) =>
        await (table == TableNames.Subscribers ? Harness.SubscribersTable(partitionKey) : Harness.Table(table))
            .QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}")).ToListAsync();

    private BlobContainerClient Archive() => Harness.Get<BlobServiceClient>().GetBlobContainerClient(Harness.TablePrefix.ToLowerInvariant() + "inbound-raw");

    private sealed record Seeded(Subscriber Subscriber, string Archive, string MessageKey);
}
