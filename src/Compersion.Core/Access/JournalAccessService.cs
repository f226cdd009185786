using Compersion.Core.Journal;
using Compersion.Core.Security;

namespace Compersion.Core.Access;

/// <summary>Opens journal links: checks the signed token and reads the subscriber and the part of their journal a page shows.</summary>
/// <remarks>
/// <para>
/// The token is the authority: it names the subscriber, and only that subscriber's partition is read, so no link can show
/// anyone else's journal. An expired link opens nothing; a link whose subscriber deleted everything opens nothing.
/// </para>
/// <para>
/// What is read is the page's <see cref="JournalNeeds"/> for the subscriber's today. Their today is known only once the
/// profile is read, and the profile is read with the journal, so the needs of every date that can be today somewhere
/// (UTC's date and the day either side: zones run from UTC−12 to UTC+14) are read together.
/// </para>
/// </remarks>
public sealed class JournalAccessService(TokenSigner signer, IJournalReader journals, TimeProvider time)
{
    /// <summary>Checks a journal link and reads all of its journal.</summary>
    public Task<JournalAccess> OpenAsync(string? token, CancellationToken cancellationToken = default) =>
        OpenAsync(token, _ => JournalNeeds.Everything, cancellationToken);

    /// <summary>Checks a journal link and reads what a page needs of its journal.</summary>
    /// <param name="token">The link's token.</param>
    /// <param name="needs">What the page reads, given the subscriber's today.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<JournalAccess> OpenAsync(string? token, Func<LocalDate, JournalNeeds> needs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(needs);
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

        var utcToday = now.InUtc().Date;
        var read = JournalNeeds.Union([needs(utcToday.PlusDays(-1)), needs(utcToday), needs(utcToday.PlusDays(1))]);
        var journalRead = journals.ReadAsync(subscriberId!, read.Spans, cancellationToken);
        var marksRead = read.Marks ? journals.ReadMarksAsync(subscriberId!, null, cancellationToken) : null;
        await Task.WhenAll(marksRead is null ? [journalRead] : [journalRead, marksRead]);
        var journal = await journalRead;
        var marks = marksRead is null ? null : await marksRead;
        if (journal.Subscriber is not { } subscriber)
        {
            return new JournalAccess(SettingsAccessOutcome.Gone, null, null, default, expires, string.Empty);
        }

        if (read.NeighboursOf is { } around && read.Spans is { } spans && marks is null)
        {
            marks = await NeighboursAsync(subscriber.Id, around, spans, JournalBook.From(journal).Marks, cancellationToken);
        }

        if (subscriber.Predates(expires!.Value, Links.JournalLinks.Lifetime))
        {
            // Mailed to the address they moved away from: it opens nothing now.
            return new JournalAccess(SettingsAccessOutcome.Expired, null, null, default, expires, string.Empty);
        }

        return new JournalAccess(
            SettingsAccessOutcome.Open,
            subscriber,
            JournalBook.From(journal, marks),
            now.InZone(subscriber.TimeZone).Date,
            expires,
            signer.ForLink(TokenPurpose.Settings, subscriber.Id, expires!.Value));
    }

    // The marks read with the spans, and, on a side of the date where the spans hold no written day, the marks of every
    // date beyond them on that side (for a long gap, or none at all: the first and the last day written).
    private async Task<IReadOnlyList<DayMark>> NeighboursAsync(string subscriberId, LocalDate around, IReadOnlyList<JournalSpan> spans, IReadOnlyList<DayMark> read, CancellationToken cancellationToken)
    {
        var window = spans.FirstOrDefault(span => span.Contains(around)) ?? JournalSpan.Day(around);
        var beyond = new List<JournalSpan>(2);
        if (!read.Any(mark => mark.Date < around) && window.From > JournalSpan.All.From)
        {
            beyond.Add(new JournalSpan(JournalSpan.All.From, window.From.PlusDays(-1)));
        }

        if (!read.Any(mark => mark.Date > around) && window.To < JournalSpan.All.To)
        {
            beyond.Add(new JournalSpan(window.To.PlusDays(1), JournalSpan.All.To));
        }

        return beyond.Count == 0 ? read : [.. read, .. await journals.ReadMarksAsync(subscriberId, beyond, cancellationToken)];
    }
}
