using Compersion.Core.Journal;
using Compersion.Core.Security;
using NodaTime;

namespace Compersion.Core.Access;

/// <summary>Opens journal links: checks the signed token and reads the subscriber and their whole journal in one partition query.</summary>
/// <remarks>
/// The token is the authority: it names the subscriber, and only that subscriber's partition is read, so no link can show
/// anyone else's journal. An expired link opens nothing; a link whose subscriber deleted everything opens nothing.
/// </remarks>
public sealed class JournalAccessService(TokenSigner signer, ISubscriberJournal journals, TimeProvider time)
{
    /// <summary>Checks a journal link and reads its journal.</summary>
    public async Task<JournalAccess> OpenAsync(string? token, CancellationToken cancellationToken = default)
    {
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var check = signer.CheckLink(token, TokenPurpose.Journal, now, out var subscriberId);
        if (check == LinkCheck.Invalid)
        {
            return new JournalAccess(SettingsAccessOutcome.Invalid, null, null, default, null, string.Empty);
        }

        var expires = signer.TryVerify(token, out var verified) ? Instant.FromUnixTimeSeconds(verified!.Value * 60L) : (Instant?)null;
        if (check == LinkCheck.Expired)
        {
            // An expired link reads nothing: whether its subscriber still exists is not worth a query.
            return new JournalAccess(SettingsAccessOutcome.Expired, null, null, default, expires, string.Empty);
        }

        var journal = await journals.LoadAsync(subscriberId!, cancellationToken);
        if (journal.Subscriber is not { } subscriber)
        {
            return new JournalAccess(SettingsAccessOutcome.Gone, null, null, default, expires, string.Empty);
        }

        if (subscriber.Predates(expires!.Value, Links.JournalLinks.Lifetime))
        {
            // Mailed to the address they moved away from: it opens nothing now.
            return new JournalAccess(SettingsAccessOutcome.Expired, null, null, default, expires, string.Empty);
        }

        return new JournalAccess(
            SettingsAccessOutcome.Open,
            subscriber,
            JournalBook.From(journal),
            now.InZone(subscriber.TimeZone).Date,
            expires,
            signer.ForLink(TokenPurpose.Settings, subscriber.Id, expires!.Value));
    }
}
