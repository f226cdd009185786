using Azure.Data.Tables;
using Compersion.Core.Journal;
using Compersion.Core.Subscribers;
using Compersion.Storage.Subscribers;
using NodaTime;

namespace Compersion.Storage.Tests.Subscribers;

public sealed class TableSubscriberStoreTests(AzuriteFixture fixture) : StorageTestBase(fixture)
{
    private ISubscriberStore Store => Harness.Get<ISubscriberStore>();

    [Fact]
    public async Task AddOrGetAsync_NewAddress_StoresEveryField()
    {
        var subscriber = TestData.NewSubscriber() with
        {
            Status = SubscriberStatus.Active,
            ConfirmedAt = TestData.SignUpTime + Duration.FromMinutes(3),
            LastReplyDate = new LocalDate(2025, 3, 4),
            MemoriesEnabled = false,
            ReceiptsEnabled = true,
            KindnessGoal = 3,
            DigestDay = IsoDayOfWeek.Wednesday,
            PromptTime = new LocalTime(21, 15, 30),
            PausedUntil = new LocalDate(2025, 12, 28),
            ResumedOn = new LocalDate(2025, 3, 1),
            PromptsEnabled = false,
            DigestEnabled = false,
            PendingAddress = new PendingAddress("new.home@example.org", -123456789, TestData.SignUpTime + Duration.FromHours(24)),
            PreviousEmailHash = EmailAddress.Hash("old.work@example.org"),
            AddressChangedAt = TestData.SignUpTime + Duration.FromDays(2),
            MovedFrom = new PreviousAddress("old.work@example.org", -42, TestData.SignUpTime + Duration.FromDays(9)),
            SignUp = new PendingSignUp(
                "Old.Work@example.org", "America/New_York", new LocalTime(7, 30), IsoDayOfWeek.Monday, new LocalTime(9, 15), 4, true, 987654321,
                TestData.SignUpTime + Duration.FromDays(3), new LocalDate(2025, 3, 2)),
        };

        var added = await Store.AddOrGetAsync(subscriber);
        var found = await Store.FindByIdAsync(subscriber.Id);

        Assert.Equal(subscriber, added);
        Assert.Equal(subscriber, found);
    }

    [Fact]
    public async Task FindByIdAsync_ProfileWrittenBeforeTheMailSwitches_HasBothMailsOn()
    {
        var subscriber = await Store.AddOrGetAsync(TestData.NewSubscriber());
        var table = Harness.Get<StorageTables>().Subscribers(subscriber.Id);
        var row = (await table.GetEntityAsync<TableEntity>(subscriber.Id, SubscriberEntity.ProfileRowKey)).Value;
        foreach (var column in new[] { "PromptsEnabled", "DigestEnabled", "PausedUntil", "ResumedOn", "PendingEmail", "PendingEmailNonce", "PendingEmailExpires", "PreviousEmailHash", "AddressChangedAt" })
        {
            row.Remove(column);
        }

        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
        var found = await Store.FindByIdAsync(subscriber.Id);

        Assert.True(found!.PromptsEnabled);
        Assert.True(found.DigestEnabled);
        Assert.Null(found.PendingAddress);
        Assert.Equal(subscriber, found);
    }

    [Fact]
    public async Task FindByEmailAsync_DifferentCase_FindsTheSubscriber()
    {
        var subscriber = await Store.AddOrGetAsync(TestData.NewSubscriber());

        var found = await Store.FindByEmailAsync(subscriber.Email.ToUpperInvariant());

        Assert.Equal(subscriber.Id, found?.Id);
    }

    [Fact]
    public async Task FindByEmailAsync_UnknownAddress_ReturnsNull()
    {
        await Store.AddOrGetAsync(TestData.NewSubscriber());

        var found = await Store.FindByEmailAsync(TestData.NewAddress());

        Assert.Null(found);
    }

    [Fact]
    public async Task FindByIdAsync_IdThatCannotBeAKey_ReturnsNull()
    {
        var found = await Store.FindByIdAsync("../subscribers/x?y#z");

        Assert.Null(found);
    }

    [Fact]
    public async Task AddOrGetAsync_AddressAlreadyRegistered_ReturnsTheExistingSubscriber()
    {
        var first = await Store.AddOrGetAsync(TestData.NewSubscriber());
        var second = TestData.NewSubscriber(first.Email) with { Zone = "America/Chicago" };

        var result = await Store.AddOrGetAsync(second);

        Assert.Equal(first, result);
        Assert.Null(await Store.FindByIdAsync(second.Id));
    }

    [Fact]
    public async Task AddOrGetAsync_TenConcurrentSignUpsForOneAddress_AllGetOneId()
    {
        var email = TestData.NewAddress();
        var candidates = Enumerable.Range(0, 10).Select(_ => TestData.NewSubscriber(email)).ToList();

        var results = await Task.WhenAll(candidates.Select(candidate => Store.AddOrGetAsync(candidate)));

        var id = Assert.Single(results.Select(result => result.Id).Distinct());
        Assert.Contains(id, candidates.Select(candidate => candidate.Id));
        Assert.Equal(id, (await Store.FindByEmailAsync(email))?.Id);
        var profiles = await Store.ListAsync().Where(subscriber => subscriber.Email == email).ToListAsync();
        Assert.Single(profiles);
    }

    [Fact]
    public async Task AddOrGetAsync_IndexRowWithoutProfile_WritesTheProfileUnderTheIndexedId()
    {
        var crashed = TestData.NewSubscriber();
        await Harness.Table(TableNames.SubscriberEmails).AddEntityAsync(
            SubscriberEmailEntity.For(EmailAddress.Hash(crashed.Email), crashed.Id));
        var retry = TestData.NewSubscriber(crashed.Email);

        var result = await Store.AddOrGetAsync(retry);

        Assert.Equal(crashed.Id, result.Id);
        Assert.Equal(crashed.Id, (await Store.FindByEmailAsync(crashed.Email))?.Id);
        Assert.Null(await Store.FindByIdAsync(retry.Id));
    }

    [Fact]
    public async Task AddOrGetAsync_AnyAddress_NeverAppearsInPartitionOrRowKeys()
    {
        var subscribers = new[] { TestData.NewSubscriber(), TestData.NewSubscriber("Mixed.Case+tag@Example.ORG") };
        foreach (var subscriber in subscribers)
        {
            await Store.AddOrGetAsync(subscriber);
        }

        var keys = new List<string>();
        foreach (var table in Enumerable.Range(0, TableNames.SubscriberShards).Select(TableNames.SubscriberShard).Append(TableNames.SubscriberEmails))
        {
            await foreach (var row in Harness.Table(table).QueryAsync<TableEntity>())
            {
                keys.Add(row.PartitionKey);
                keys.Add(row.RowKey);
            }
        }

        // Each subscriber: the profile and the journal stamp (two keys each), and an address index row.
        Assert.Equal(12, keys.Count);
        foreach (var subscriber in subscribers)
        {
            var localPart = subscriber.Email[..subscriber.Email.IndexOf('@', StringComparison.Ordinal)];
            Assert.DoesNotContain(keys, key => key.Contains(localPart, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(keys, key => key.Contains('@', StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task SaveAsync_ChangedSettings_AreWhatFindReturns()
    {
        var subscriber = await Store.AddOrGetAsync(TestData.NewSubscriber());
        var changed = subscriber with { Status = SubscriberStatus.Paused, Zone = "Asia/Tokyo", LastReplyDate = new LocalDate(2025, 4, 1) };

        await Store.SaveAsync(changed);

        Assert.Equal(changed, await Store.FindByIdAsync(subscriber.Id));
        Assert.Equal(changed, await Store.FindByEmailAsync(subscriber.Email));
    }

    [Fact]
    public async Task UpdateAsync_RememberedStrangerPosts_ReadBackInOrderAndTakenAway()
    {
        var subscriber = await Store.AddOrGetAsync(TestData.NewSubscriber());

        await Store.UpdateAsync(subscriber.Id, s => s.RememberStrangerPost("tom@work.example", "2026/11/24/101010-a").RememberStrangerPost("ann@home.example", "2026/11/24/111111-b"));
        var stored = (await Store.FindByIdAsync(subscriber.Id))!;
        await Store.UpdateAsync(subscriber.Id, s => s.TakeStrangerPosts("ann@home.example").Remaining.TakeStrangerPosts("tom@work.example").Remaining);

        Assert.Equal(["2026/11/24/101010-a"], stored.TakeStrangerPosts("tom@work.example").ArchiveNames);
        Assert.Equal(["2026/11/24/111111-b"], stored.TakeStrangerPosts("ann@home.example").ArchiveNames);
        Assert.Null((await Store.FindByIdAsync(subscriber.Id))!.StrangerPosts);
    }

    [Fact]
    public async Task SaveAsync_ChangedAddress_MovesTheAddressIndex()
    {
        var subscriber = await Store.AddOrGetAsync(TestData.NewSubscriber());
        var moved = subscriber with { Email = TestData.NewAddress() };

        await Store.SaveAsync(moved);

        Assert.Equal(subscriber.Id, (await Store.FindByEmailAsync(moved.Email))?.Id);
        Assert.Null(await Store.FindByEmailAsync(subscriber.Email));
        var newcomer = await Store.AddOrGetAsync(TestData.NewSubscriber(subscriber.Email));
        Assert.NotEqual(subscriber.Id, newcomer.Id);
    }

    [Fact]
    public async Task ChangeAddressAsync_ConfirmedPendingAddress_MovesTheIndexAndFreesTheOldAddress()
    {
        var subscriber = await Store.AddOrGetAsync(TestData.NewSubscriber() with { Status = SubscriberStatus.Active });
        var pending = new PendingAddress(TestData.NewAddress(), 42, TestData.SignUpTime + Duration.FromDays(1));
        await Store.UpdateAsync(subscriber.Id, s => s.RequestAddress(pending));

        var change = await Store.ChangeAddressAsync(subscriber.Id, s => s.ConfirmAddress(42, TestData.SignUpTime));

        Assert.Equal(AddressChangeStatus.Changed, change.Status);
        Assert.Equal(subscriber.Id, (await Store.FindByEmailAsync(pending.Email))?.Id);
        Assert.Null(await Store.FindByEmailAsync(subscriber.Email));
        Assert.Equal(change.After, await Store.FindByIdAsync(subscriber.Id));
        Assert.Equal(EmailAddress.Hash(subscriber.Email), change.After!.PreviousEmailHash);
    }

    [Fact]
    public async Task ChangeAddressAsync_MoveUndone_TheOldAddressFindsThemAgainAndTheNewOneNobody()
    {
        var subscriber = await Store.AddOrGetAsync(TestData.NewSubscriber() with { Status = SubscriberStatus.Active });
        var pending = new PendingAddress(TestData.NewAddress(), 42, TestData.SignUpTime + Duration.FromDays(1));
        await Store.UpdateAsync(subscriber.Id, s => s.RequestAddress(pending));
        await Store.ChangeAddressAsync(subscriber.Id, s => s.ConfirmAddress(42, TestData.SignUpTime));

        var undone = await Store.ChangeAddressAsync(subscriber.Id, s => s.UndoMove(42, TestData.SignUpTime + Duration.FromDays(6)));

        Assert.Equal(AddressChangeStatus.Changed, undone.Status);
        Assert.Equal(subscriber.Id, (await Store.FindByEmailAsync(subscriber.Email))?.Id);
        Assert.Null(await Store.FindByEmailAsync(pending.Email));
        Assert.Null((await Store.FindByIdAsync(subscriber.Id))!.MovedFrom);
    }

    [Fact]
    public async Task ChangeAddressAsync_AddressOfAnotherSubscriber_TakenAndNothingChanges()
    {
        var first = await Store.AddOrGetAsync(TestData.NewSubscriber() with { Status = SubscriberStatus.Active });
        var second = await Store.AddOrGetAsync(TestData.NewSubscriber() with { Status = SubscriberStatus.Active });
        await Store.UpdateAsync(second.Id, s => s.RequestAddress(new PendingAddress(first.Email, 42, TestData.SignUpTime + Duration.FromDays(1))));

        var change = await Store.ChangeAddressAsync(second.Id, s => s.ConfirmAddress(42, TestData.SignUpTime));

        Assert.Equal(AddressChangeStatus.Taken, change.Status);
        Assert.Equal(first.Id, (await Store.FindByEmailAsync(first.Email))?.Id);
        Assert.Equal(second.Id, (await Store.FindByEmailAsync(second.Email))?.Id);
        Assert.Equal(second.Email, (await Store.FindByIdAsync(second.Id))!.Email);
    }

    [Fact]
    public async Task ChangeAddressAsync_ProfileWrittenMeanwhile_ReappliedToTheLatestAndBothKept()
    {
        var subscriber = await Store.AddOrGetAsync(TestData.NewSubscriber() with { Status = SubscriberStatus.Active });
        var pending = new PendingAddress(TestData.NewAddress(), 42, TestData.SignUpTime + Duration.FromDays(1));
        await Store.UpdateAsync(subscriber.Id, s => s.RequestAddress(pending));
        var interfered = false;

        var change = await Store.ChangeAddressAsync(subscriber.Id, s =>
        {
            if (!interfered)
            {
                interfered = true;
                Store.UpdateAsync(subscriber.Id, other => other with { KindnessGoal = 5 }).GetAwaiter().GetResult();
            }

            return s.ConfirmAddress(42, TestData.SignUpTime);
        });

        Assert.Equal(AddressChangeStatus.Changed, change.Status);
        var stored = await Store.FindByIdAsync(subscriber.Id);
        Assert.Equal(pending.Email, stored!.Email);
        Assert.Equal(5, stored.KindnessGoal);
        Assert.Equal(subscriber.Id, (await Store.FindByEmailAsync(pending.Email))?.Id);
    }

    [Fact]
    public async Task ChangeAddressAsync_ConfirmedFurtherAddress_FoundByItWhileTheRegisteredAddressStays()
    {
        var subscriber = await Store.AddOrGetAsync(TestData.NewSubscriber() with { Status = SubscriberStatus.Active });
        var pending = new PendingAddress(TestData.NewAddress(), 42, TestData.SignUpTime + Duration.FromDays(1), Extra: true);
        await Store.UpdateAsync(subscriber.Id, s => s.RequestAddress(pending));
        Assert.True((await Store.FindByIdAsync(subscriber.Id))!.PendingAddress!.Extra);
        Assert.Null(await Store.FindByEmailAsync(pending.Email));

        var change = await Store.ChangeAddressAsync(subscriber.Id, s => s.ConfirmAddress(42, TestData.SignUpTime));

        Assert.Equal(AddressChangeStatus.Changed, change.Status);
        Assert.Equal(subscriber.Id, (await Store.FindByEmailAsync(pending.Email))?.Id);
        Assert.Equal(subscriber.Id, (await Store.FindByEmailAsync(subscriber.Email))?.Id);
        var stored = (await Store.FindByIdAsync(subscriber.Id))!;
        Assert.Equal([pending.Email], stored.Extras);
        Assert.Equal((subscriber.Email, null), (stored.Email, stored.PendingAddress));
    }

    [Fact]
    public async Task ChangeAddressAsync_FurtherAddressRemoved_NoLongerFindsAnyoneAndAnotherSubscriberMayTakeIt()
    {
        var subscriber = await Store.AddOrGetAsync(TestData.NewSubscriber() with { Status = SubscriberStatus.Active });
        var other = await Store.AddOrGetAsync(TestData.NewSubscriber() with { Status = SubscriberStatus.Active });
        var extra = TestData.NewAddress();
        await Store.ChangeAddressAsync(subscriber.Id, s => s with { ExtraAddresses = [extra] });
        var refused = await Store.ChangeAddressAsync(other.Id, s => s with { ExtraAddresses = [extra] });

        var removed = await Store.ChangeAddressAsync(subscriber.Id, s => s.RemoveAddress(extra));
        var takenLater = await Store.ChangeAddressAsync(other.Id, s => s with { ExtraAddresses = [extra] });

        Assert.Equal(AddressChangeStatus.Taken, refused.Status);
        Assert.Equal(AddressChangeStatus.Changed, removed.Status);
        Assert.Empty((await Store.FindByIdAsync(subscriber.Id))!.Extras);
        Assert.Equal(AddressChangeStatus.Changed, takenLater.Status);
        Assert.Equal(other.Id, (await Store.FindByEmailAsync(extra))?.Id);
    }

    [Fact]
    public async Task ChangeAddressAsync_MoveToAnotherSubscribersFurtherAddress_TakenAndNothingChanges()
    {
        var first = await Store.AddOrGetAsync(TestData.NewSubscriber() with { Status = SubscriberStatus.Active });
        var second = await Store.AddOrGetAsync(TestData.NewSubscriber() with { Status = SubscriberStatus.Active });
        var extra = TestData.NewAddress();
        await Store.ChangeAddressAsync(first.Id, s => s with { ExtraAddresses = [extra] });

        var change = await Store.ChangeAddressAsync(second.Id, s => s with { Email = extra });

        Assert.Equal(AddressChangeStatus.Taken, change.Status);
        Assert.Equal(first.Id, (await Store.FindByEmailAsync(extra))?.Id);
        Assert.Equal(second.Email, (await Store.FindByIdAsync(second.Id))!.Email);
    }

    [Fact]
    public async Task SaveAsync_AddressOfAnotherSubscriber_ThrowsAndChangesNothing()
    {
        var first = await Store.AddOrGetAsync(TestData.NewSubscriber());
        var second = await Store.AddOrGetAsync(TestData.NewSubscriber());

        var save = () => Store.SaveAsync(second with { Email = first.Email });

        await Assert.ThrowsAsync<InvalidOperationException>(save);
        Assert.Equal(second, await Store.FindByIdAsync(second.Id));
        Assert.Equal(first.Id, (await Store.FindByEmailAsync(first.Email))?.Id);
    }

    [Fact]
    public async Task SaveAsync_UnknownSubscriber_Throws()
    {
        var stranger = TestData.NewSubscriber();

        var save = () => Store.SaveAsync(stranger);

        await Assert.ThrowsAsync<InvalidOperationException>(save);
        Assert.Null(await Store.FindByEmailAsync(stranger.Email));
    }

    [Fact]
    public async Task ListAsync_SubscribersWithJournalEntries_ReturnsOnlyTheSubscribers()
    {
        var entries = Harness.Get<IEntryStore>();
        var added = new List<Subscriber>();
        for (var i = 0; i < 3; i++)
        {
            var subscriber = await Store.AddOrGetAsync(TestData.NewSubscriber());
            await entries.AppendAsync(subscriber.Id, new LocalDate(2025, 6, 1), [new JournalItem("first")]);
            await entries.AppendAsync(subscriber.Id, new LocalDate(2025, 6, 2), [new JournalItem("second")]);
            added.Add(subscriber);
        }

        var listed = await Store.ListAsync().ToListAsync();

        Assert.Equal(added.OrderBy(s => s.Id), listed.OrderBy(s => s.Id));
    }

    [Fact]
    public async Task SaveAsync_SubscriberWithJournalEntries_KeepsTheEntries()
    {
        var entries = Harness.Get<IEntryStore>();
        var subscriber = await Store.AddOrGetAsync(TestData.NewSubscriber());
        await entries.AppendAsync(subscriber.Id, new LocalDate(2025, 6, 1), [new JournalItem("kept")]);

        await Store.SaveAsync(subscriber with { Status = SubscriberStatus.Paused });

        Assert.Equal("kept", Assert.Single(Assert.Single(await entries.GetEntriesAsync(subscriber.Id)).Items).Text);
        Assert.Equal(SubscriberStatus.Paused, (await Store.FindByIdAsync(subscriber.Id))?.Status);
    }

    [Fact]
    public async Task ListAsync_SeveralSubscribers_ReturnsEachOnce()
    {
        var added = new List<Subscriber>();
        for (var i = 0; i < 3; i++)
        {
            added.Add(await Store.AddOrGetAsync(TestData.NewSubscriber()));
        }

        var listed = await Store.ListAsync().ToListAsync();

        Assert.Equal(added.Select(s => s.Id).Order(), listed.Select(s => s.Id).Order());
    }
}
