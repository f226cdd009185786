using System.Runtime.CompilerServices;
using Compersion.Core.Subscribers;
using Compersion.Storage.Journal;
using Microsoft.Extensions.Logging;

namespace Compersion.Storage.Subscribers;

/// <summary>Subscribers over two tables: profiles by id (sharing each partition with that subscriber's journal), and an index from address hash to id.</summary>
/// <remarks>
/// The index row is what makes an address unique: it is inserted before the profile, so of any number
/// of concurrent sign-ups for one address exactly one insert wins and everyone else adopts its id.
/// Profiles are inserted rather than upserted, so the winner and anyone repairing a half-written
/// sign-up agree on one stored record.
/// </remarks>
internal sealed partial class TableSubscriberStore(StorageTables tables, ILogger<TableSubscriberStore> logger) : ISubscriberStore
{
    // The index row vanishing between our failed insert and our read needs a deletion racing us; a few rounds settle it.
    private const int MaxIndexAttempts = 3;

    public async Task<Subscriber?> FindByIdAsync(string id, CancellationToken cancellationToken = default)
    {
        // Ids arrive from links and tokens; anything that could not be a key is simply nobody.
        if (!TableKeys.IsSafe(id))
        {
            return null;
        }

        return (await ReadProfileAsync(id, cancellationToken))?.ToSubscriber();
    }

    public async Task<Subscriber?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        var hash = EmailAddress.Hash(email);
        var id = await ReadIndexAsync(hash, cancellationToken);
        if (id is null)
        {
            return null;
        }

        var profile = await ReadProfileAsync(id, cancellationToken);

        // A stale index row (an address change that stopped half-way) must not resolve to someone whose address is now different.
        return profile is not null && Holds(profile, hash) ? profile.ToSubscriber() : null;
    }

    public async Task<Subscriber> AddOrGetAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        TableKeys.Require(subscriber.Id, nameof(subscriber));
        var hash = EmailAddress.Hash(subscriber.Email);
        for (var attempt = 1; attempt <= MaxIndexAttempts; attempt++)
        {
            if (await TryAddIndexAsync(hash, subscriber.Id, cancellationToken))
            {
                return await AddProfileOrGetAsync(subscriber, cancellationToken);
            }

            var ownerId = await ReadIndexAsync(hash, cancellationToken);
            if (ownerId is null)
            {
                continue;
            }

            var owner = await ReadProfileAsync(ownerId, cancellationToken);
            if (owner is not null)
            {
                return owner.ToSubscriber();
            }

            // The owner's profile is missing: its writer crashed between the two writes, or is still between them.
            // Writing it (insert-only) is safe either way: whoever inserts first, both return that record.
            if (ownerId != subscriber.Id)
            {
                LogWritingMissingProfile(logger, ownerId);
            }

            return await AddProfileOrGetAsync(subscriber with { Id = ownerId }, cancellationToken);
        }

        throw new InvalidOperationException("The address index kept changing while a subscriber was being added.");
    }

    private const int MaxUpdateAttempts = 20;

    public async Task SaveAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        TableKeys.Require(subscriber.Id, nameof(subscriber));
        var current = await ReadProfileAsync(subscriber.Id, cancellationToken)
            ?? throw new InvalidOperationException("Only an existing subscriber can be saved; add new ones with AddOrGetAsync.");

        var oldHash = EmailAddress.Hash(current.Email);
        var newHash = EmailAddress.Hash(subscriber.Email);
        var addressChanged = oldHash != newHash;
        if (addressChanged)
        {
            await ClaimAddressAsync(newHash, subscriber.Id, cancellationToken);
        }

        // Conditional on the version read above: a change stored meanwhile fails this save (412) rather than being overwritten.
        await ReplaceProfileAsync(subscriber, current.ETag, cancellationToken);

        if (addressChanged)
        {
            await ReleaseAddressAsync(oldHash, subscriber.Id, cancellationToken);
        }
    }

    public async Task<Subscriber?> UpdateAsync(string id, Func<Subscriber, Subscriber> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!TableKeys.IsSafe(id))
        {
            return null;
        }

        for (var attempt = 0; ; attempt++)
        {
            var current = await ReadProfileAsync(id, cancellationToken);
            if (current is null)
            {
                return null;
            }

            var before = current.ToSubscriber();
            var after = change(before);
            if (after == before)
            {
                return before;
            }

            if (after.Id != before.Id || !string.Equals(after.Email, before.Email, StringComparison.Ordinal))
            {
                throw new InvalidOperationException("UpdateAsync changes settings only; use SaveAsync to change an address.");
            }

            try
            {
                await ReplaceProfileAsync(after, current.ETag, cancellationToken);
                return after;
            }
            catch (RequestFailedException exception) when (exception.Status == 412 && attempt < MaxUpdateAttempts)
            {
                // Someone wrote in between: read their version and apply the change to it.
            }
        }
    }

    public async Task<AddressChange> ChangeAddressAsync(string id, Func<Subscriber, Subscriber> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!TableKeys.IsSafe(id))
        {
            return new AddressChange(AddressChangeStatus.Gone, null, null);
        }

        for (var attempt = 0; ; attempt++)
        {
            var current = await ReadProfileAsync(id, cancellationToken);
            if (current is null)
            {
                return new AddressChange(AddressChangeStatus.Gone, null, null);
            }

            var before = current.ToSubscriber();
            var after = change(before);
            if (after == before)
            {
                return new AddressChange(AddressChangeStatus.Unchanged, before, before);
            }

            if (after.Id != before.Id)
            {
                throw new InvalidOperationException("A change never moves a subscriber to another id.");
            }

            // Every address that is theirs (registered or further) holds an index row: claim the ones the change adds,
            // release the ones it drops. One claim refused (another subscriber's address) gives back the rest and changes nothing.
            var beforeHashes = Hashes(before);
            var afterHashes = Hashes(after);
            var claimed = new List<string>();
            var taken = false;
            foreach (var hash in afterHashes.Except(beforeHashes))
            {
                if (!await TryClaimAddressAsync(hash, id, cancellationToken))
                {
                    taken = true;
                    break;
                }

                claimed.Add(hash);
            }

            if (taken)
            {
                await ReleaseAllAsync(claimed, id, cancellationToken);
                return new AddressChange(AddressChangeStatus.Taken, before, before);
            }

            try
            {
                await ReplaceProfileAsync(after, current.ETag, cancellationToken);
            }
            catch (RequestFailedException exception) when (exception.Status == 412 && attempt < MaxUpdateAttempts)
            {
                // Someone wrote in between: give the new addresses back (they are not ours yet) and apply the change to their version.
                await ReleaseAllAsync(claimed, id, cancellationToken);
                continue;
            }

            await ReleaseAllAsync(beforeHashes.Except(afterHashes), id, cancellationToken);
            return new AddressChange(AddressChangeStatus.Changed, before, after);
        }
    }

    public async IAsyncEnumerable<Subscriber> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // The tables also hold every subscriber's journal; only profile rows are subscribers.
        var filter = SubscriberPartition.ProfileRows();
        foreach (var shard in tables.SubscriberShards)
        {
            await foreach (var entity in shard.QueryAsync<SubscriberEntity>(filter, cancellationToken: cancellationToken))
            {
                yield return entity.ToSubscriber();
            }
        }
    }

    // Conditional on the version read (412 when a change was stored meanwhile); the stamp changes with it, as with every write to the partition.
    private Task ReplaceProfileAsync(Subscriber subscriber, ETag version, CancellationToken cancellationToken) =>
        JournalStamp.SubmitAsync(
            tables.Subscribers(subscriber.Id),
            subscriber.Id,
            [new TableTransactionAction(TableTransactionActionType.UpdateReplace, SubscriberEntity.From(subscriber), version)],
            cancellationToken);

    private async Task<SubscriberEntity?> ReadProfileAsync(string id, CancellationToken cancellationToken)
    {
        var response = await tables.Subscribers(id).GetEntityIfExistsAsync<SubscriberEntity>(
            id, SubscriberEntity.ProfileRowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private async Task<string?> ReadIndexAsync(string emailHash, CancellationToken cancellationToken)
    {
        var response = await tables.SubscriberEmails.GetEntityIfExistsAsync<SubscriberEmailEntity>(
            emailHash, SubscriberEmailEntity.IndexRowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.SubscriberId : null;
    }

    private async Task<bool> TryAddIndexAsync(string emailHash, string subscriberId, CancellationToken cancellationToken)
    {
        try
        {
            await tables.SubscriberEmails.AddEntityAsync(SubscriberEmailEntity.For(emailHash, subscriberId), cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.IsConflict())
        {
            return false;
        }
    }

    private async Task<Subscriber> AddProfileOrGetAsync(Subscriber subscriber, CancellationToken cancellationToken)
    {
        try
        {
            await JournalStamp.SubmitAsync(
                tables.Subscribers(subscriber.Id), subscriber.Id, [new TableTransactionAction(TableTransactionActionType.Add, SubscriberEntity.From(subscriber))], cancellationToken);
            return subscriber;
        }
        catch (RequestFailedException exception) when (exception.IsConflict())
        {
            var stored = await ReadProfileAsync(subscriber.Id, cancellationToken)
                ?? throw new InvalidOperationException("A subscriber profile disappeared while it was being added.");
            return stored.ToSubscriber();
        }
    }

    private async Task ClaimAddressAsync(string emailHash, string subscriberId, CancellationToken cancellationToken)
    {
        if (!await TryClaimAddressAsync(emailHash, subscriberId, cancellationToken))
        {
            throw new InvalidOperationException("The new address already belongs to another subscriber.");
        }
    }

    // False when another subscriber's profile holds the address.
    private async Task<bool> TryClaimAddressAsync(string emailHash, string subscriberId, CancellationToken cancellationToken)
    {
        if (await TryAddIndexAsync(emailHash, subscriberId, cancellationToken))
        {
            return true;
        }

        var response = await tables.SubscriberEmails.GetEntityIfExistsAsync<SubscriberEmailEntity>(
            emailHash, SubscriberEmailEntity.IndexRowKey, cancellationToken: cancellationToken);
        if (!response.HasValue || response.Value!.SubscriberId == subscriberId)
        {
            await tables.SubscriberEmails.UpsertEntityAsync(SubscriberEmailEntity.For(emailHash, subscriberId), TableUpdateMode.Replace, cancellationToken);
            return true;
        }

        var owner = await ReadProfileAsync(response.Value.SubscriberId, cancellationToken);
        if (owner is not null && Holds(owner, emailHash))
        {
            return false;
        }

        // The index row is stale (its owner moved on or never finished signing up): take it over, unless it changed meanwhile.
        await tables.SubscriberEmails.UpdateEntityAsync(
            SubscriberEmailEntity.For(emailHash, subscriberId), response.Value.ETag, TableUpdateMode.Replace, cancellationToken);
        return true;
    }

    private async Task ReleaseAllAsync(IEnumerable<string> emailHashes, string subscriberId, CancellationToken cancellationToken)
    {
        foreach (var hash in emailHashes)
        {
            await ReleaseAddressAsync(hash, subscriberId, cancellationToken);
        }
    }

    private static HashSet<string> Hashes(Subscriber subscriber) => [.. subscriber.AllAddresses.Select(EmailAddress.Hash)];

    // Whether a profile holds the address: registered, or confirmed as a further one.
    private static bool Holds(SubscriberEntity profile, string emailHash) =>
        EmailAddress.Hash(profile.Email) == emailHash || profile.ToSubscriber().Extras.Any(extra => EmailAddress.Hash(extra) == emailHash);

    private async Task ReleaseAddressAsync(string emailHash, string subscriberId, CancellationToken cancellationToken)
    {
        var response = await tables.SubscriberEmails.GetEntityIfExistsAsync<SubscriberEmailEntity>(
            emailHash, SubscriberEmailEntity.IndexRowKey, cancellationToken: cancellationToken);
        if (!response.HasValue || response.Value!.SubscriberId != subscriberId)
        {
            return;
        }

        try
        {
            await tables.SubscriberEmails.DeleteEntityAsync(emailHash, SubscriberEmailEntity.IndexRowKey, response.Value.ETag, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.IsPreconditionFailed())
        {
            // Someone else took the old address meanwhile; their row stays.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscriber {SubscriberId} had an address index row but no profile; writing the profile")]
    private static partial void LogWritingMissingProfile(ILogger logger, string subscriberId);
}
