using System.Text.RegularExpressions;
using Compersion.Core.Digests;
using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Core.Photos;
using Compersion.Core.Privacy;
using Compersion.Core.Subscribers;
using Compersion.Development;
using Compersion.Storage.Journal;
using NodaTime;

namespace Compersion.Storage.Tests.Journal;

/// <summary>
/// Every kind of write to a subscriber's journal changes their stamp, so a page answered from memory under the old stamp
/// is never answered again; a write that adds nothing leaves it, and deleting everything leaves none.
/// </summary>
public sealed partial class JournalStampTests(AzuriteFixture fixture) : StorageTestBase(fixture)
{
    private static readonly LocalDate Day = new(2026, 11, 25);

    [Fact]
    public async Task AddOrGetAsync_NewSubscriber_HasAStamp()
    {
        var subscriber = await Harness.Get<ISubscriberStore>().AddOrGetAsync(TestData.NewSubscriber());

        Assert.Matches("^[0-9a-f]{32}$", await StampAsync(subscriber.Id));
    }

    [Fact]
    public async Task UpdateAsync_ProfileChanged_StampChanges()
    {
        var subscriber = await NewSubscriberAsync();
        var before = await StampAsync(subscriber.Id);

        await Harness.Get<ISubscriberStore>().UpdateAsync(subscriber.Id, s => s with { ReceiptsEnabled = !s.ReceiptsEnabled });

        Assert.NotEqual(before, await StampAsync(subscriber.Id));
    }

    [Fact]
    public async Task AppendAsync_ReplyItems_StampChanges()
    {
        var subscriber = await NewSubscriberAsync();
        var before = await StampAsync(subscriber.Id);

        await Harness.Get<IEntryStore>().AppendAsync(subscriber.Id, Day, [new JournalItem("tea with Sam")], "message-1");

        Assert.NotEqual(before, await StampAsync(subscriber.Id));
    }

    [Fact]
    public async Task AppendAsync_SameMessageAgain_StampUnchanged()
    {
        var subscriber = await NewSubscriberAsync();
        await Harness.Get<IEntryStore>().AppendAsync(subscriber.Id, Day, [new JournalItem("tea with Sam")], "message-1");
        var before = await StampAsync(subscriber.Id);

        await Harness.Get<IEntryStore>().AppendAsync(subscriber.Id, Day, [new JournalItem("tea with Sam")], "message-1");

        Assert.Equal(before, await StampAsync(subscriber.Id));
    }

    [Fact]
    public async Task AppendAsync_KindActs_StampChanges()
    {
        var subscriber = await NewSubscriberAsync();
        var before = await StampAsync(subscriber.Id);

        await Harness.Get<IActStore>().AppendAsync(subscriber.Id, Day, [new KindAct("left soup at Ana's door")]);

        Assert.NotEqual(before, await StampAsync(subscriber.Id));
    }

    [Fact]
    public async Task EditDayAsync_Correction_StampChanges()
    {
        var subscriber = await NewSubscriberAsync();
        await Harness.Get<IEntryStore>().AppendAsync(subscriber.Id, Day, [new JournalItem("tea with Sam")]);
        var before = await StampAsync(subscriber.Id);

        await Harness.Get<IJournalEditor>().EditDayAsync(subscriber.Id, Day, day => day with { Items = [new JournalItem("green tea with Sam")] });

        Assert.NotEqual(before, await StampAsync(subscriber.Id));
    }

    [Fact]
    public async Task EditDayAsync_EditDecidesNothing_StampUnchanged()
    {
        var subscriber = await NewSubscriberAsync();
        await Harness.Get<IEntryStore>().AppendAsync(subscriber.Id, Day, [new JournalItem("tea with Sam")]);
        var before = await StampAsync(subscriber.Id);

        await Harness.Get<IJournalEditor>().EditDayAsync(subscriber.Id, Day, _ => null);

        Assert.Equal(before, await StampAsync(subscriber.Id));
    }

    [Fact]
    public async Task RecordAsync_DigestRecord_StampChanges()
    {
        var subscriber = await NewSubscriberAsync();
        var before = await StampAsync(subscriber.Id);

        await Harness.Get<IDigestLog>().RecordAsync(subscriber.Id, new DigestRecord(Day, ["idea-1"]));

        Assert.NotEqual(before, await StampAsync(subscriber.Id));
    }

    [Fact]
    public async Task PhotoWrites_ClaimSaveDelete_EachChangesTheStamp()
    {
        var subscriber = await NewSubscriberAsync();
        var photos = Harness.Get<IPhotoStore>();
        var photo = new StoredPhoto(Day, "aaaaaaaaaaaaaaaaaaa1", PhotoFormat.Jpeg, "beach.jpg", 0, false);
        var stamps = new List<string?> { await StampAsync(subscriber.Id) };

        await photos.TryClaimSlotAsync(subscriber.Id, Day, photo.Id, 4);
        stamps.Add(await StampAsync(subscriber.Id));
        await photos.SaveAsync(subscriber.Id, photo, new byte[] { 1, 2, 3 }, null);
        stamps.Add(await StampAsync(subscriber.Id));
        await photos.DeleteAsync(subscriber.Id, Day, photo.Id);
        stamps.Add(await StampAsync(subscriber.Id));

        Assert.Equal(4, stamps.Distinct().Count());
    }

    [Fact]
    public async Task DeleteAllAsync_PhotosDeleted_StampChanges()
    {
        var subscriber = await NewSubscriberAsync();
        var photos = Harness.Get<IPhotoStore>();
        await photos.SaveAsync(subscriber.Id, new StoredPhoto(Day, "aaaaaaaaaaaaaaaaaaa1", PhotoFormat.Jpeg, "beach.jpg", 0, false), new byte[] { 1 }, null);
        var before = await StampAsync(subscriber.Id);

        await photos.DeleteAllAsync(subscriber.Id);

        Assert.NotEqual(before, await StampAsync(subscriber.Id));
    }

    [Fact]
    public async Task EraseRecordsThenProfile_EverythingDeleted_NoStampLeft()
    {
        var subscriber = await NewSubscriberAsync();
        await Harness.Get<IEntryStore>().AppendAsync(subscriber.Id, Day, [new JournalItem("tea with Sam")]);
        var data = Harness.Get<IPersonalDataStore>();

        await data.EraseRecordsAsync(subscriber.Id);
        var afterRecords = await StampAsync(subscriber.Id);
        await Harness.Get<IPhotoStore>().SaveAsync(subscriber.Id, new StoredPhoto(Day, "aaaaaaaaaaaaaaaaaaa1", PhotoFormat.Jpeg, "a.jpg", 0, false), new byte[] { 1 }, null);
        await Harness.Get<IPhotoStore>().DeleteAllAsync(subscriber.Id);
        await data.EraseProfileAsync(subscriber);

        Assert.Null(afterRecords);
        Assert.Null(await StampAsync(subscriber.Id));
        Assert.Empty(await RowKeysAsync(subscriber.Id));
    }

    [Fact]
    public void StorageSources_WriteToASubscribersShard_OnlyThroughTheStamp()
    {
        var root = RepositoryRoot.Find() ?? throw new InvalidOperationException("The repository root was not found.");
        var storage = Path.Combine(root, "src", "Compersion.Storage");
        var offending = new List<string>();

        foreach (var file in Directory.EnumerateFiles(storage, "*.cs", SearchOption.AllDirectories).Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var name = Path.GetFileName(file);
            var text = File.ReadAllText(file);

            // JournalStamp is the one door; the personal-data deletes remove the stamp row with the rest (tested above).
            if (name is "JournalStamp.cs" or "TablePersonalDataStore.cs")
            {
                continue;
            }

            // A file that reaches a subscriber's partition may write raw only to the other tables, named as such.
            var reachesPartitions = text.Contains("Subscribers(", StringComparison.Ordinal) || text.Contains("SubscriberShards", StringComparison.Ordinal)
                || text.Contains("SubscriberPartition", StringComparison.Ordinal) || name == "IdempotentAppender.cs";
            foreach (Match write in RawWrite().Matches(text))
            {
                var receiver = write.Groups["receiver"].Value;
                var namedOtherTable = receiver.StartsWith("tables.", StringComparison.Ordinal) && !receiver.StartsWith("tables.Subscriber", StringComparison.Ordinal)
                    || receiver == "tables.SubscriberEmails" || receiver == "tables.SubscriberPosts";
                if (receiver.StartsWith("tables.Subscribers(", StringComparison.Ordinal) || (reachesPartitions && !namedOtherTable))
                {
                    offending.Add($"{Path.GetRelativePath(root, file)}: {receiver}.{write.Groups["method"].Value}");
                }
            }
        }

        Assert.True(offending.Count == 0, "These write to a subscribers shard without changing the journal stamp (use JournalStamp.SubmitAsync):\n" + string.Join('\n', offending));
    }

    [Fact]
    public void RawWrite_PatternOnAWriteItMustCatch_MatchesIt()
    {
        var found = RawWrite().Match("        await tables.Subscribers(id).UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);");

        Assert.Equal(("tables.Subscribers(id)", "UpsertEntityAsync"), (found.Groups["receiver"].Value, found.Groups["method"].Value));
    }

    // The Table SDK's writes; any of them on a subscribers shard outside JournalStamp would change a journal unseen.
    [GeneratedRegex(@"(?<receiver>[A-Za-z_][\w.]*(?:\([^()]*\))?)\s*\.\s*(?<method>AddEntityAsync|UpdateEntityAsync|UpsertEntityAsync|SubmitTransactionAsync|DeleteEntityAsync)\b")]
    private static partial Regex RawWrite();

    private async Task<Subscriber> NewSubscriberAsync() => await Harness.Get<ISubscriberStore>().AddOrGetAsync(TestData.NewSubscriber());

    private Task<string?> StampAsync(string subscriberId) => JournalStamp.ReadAsync(Harness.SubscribersTable(subscriberId), subscriberId, CancellationToken.None);

    private async Task<List<string>> RowKeysAsync(string subscriberId)
    {
        var keys = new List<string>();
        await foreach (var row in Harness.SubscribersTable(subscriberId).QueryAsync<Azure.Data.Tables.TableEntity>($"PartitionKey eq '{subscriberId}'", select: ["RowKey"]))
        {
            keys.Add(row.RowKey);
        }

        return keys;
    }
}
