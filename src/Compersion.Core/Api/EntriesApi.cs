using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using NodaTime.Text;

namespace Compersion.Core.Api;

/// <summary>The entries API's use cases (<c>POST/GET /api/entries</c>): the journal over HTTP, through the same rules as email replies.</summary>
/// <remarks>Results, not HTTP: the trigger reads the JSON and maps each <see cref="EntriesOutcome"/> to a status code.</remarks>
public sealed class EntriesApi(PersonalTokens tokens, IEntryStore entries, IActStore acts, JournalWriter writer, TimeProvider time)
{
    /// <summary>Most items (and, separately, most kind acts) accepted in one post.</summary>
    public const int MaxItems = 50;

    /// <summary>Longest item or kind act accepted, in characters: the journal's own limit.</summary>
    public const int MaxItemLength = JournalCorrections.MaxTextLength;

    /// <summary>What a wrong or missing token is told.</summary>
    public const string TokenProblem = "Missing or wrong token. Reply TOKEN to any of our emails to get yours, then send 'Authorization: Bearer <token>'.";

    /// <summary>Adds items and kind acts for the day the post names (today when none).</summary>
    /// <remarks>
    /// Either list may be empty, not both. The date, when given, is from 1900-01-01 (the earliest an import takes) to
    /// tomorrow in the subscriber's zone; anything else is <see cref="EntriesOutcome.Invalid"/> with the reason.
    /// The result holds what this post added, items with their signals. Posting the same items and acts for the same
    /// day again adds nothing.
    /// </remarks>
    public async Task<EntriesResult<EntryResponse>> AddAsync(string? authorization, EntriesPost post, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        var subscriber = await tokens.AuthenticateAsync(authorization, cancellationToken);
        if (subscriber is null)
        {
            return new(EntriesOutcome.Unauthorized, null, TokenProblem);
        }

        var texts = post.Items.Select(text => text.Trim()).ToList();
        var actTexts = post.Acts.Select(text => text.Trim()).ToList();
        if (texts.All(string.IsNullOrWhiteSpace) && actTexts.All(string.IsNullOrWhiteSpace))
        {
            return Invalid("Send at least one item (or a kind act in \"acts\").");
        }

        if ((CheckLimits(texts, "items", "item") ?? CheckLimits(actTexts, "acts", "act")) is { } limitProblem)
        {
            return Invalid(limitProblem);
        }

        var today = Instant.FromDateTimeOffset(time.GetUtcNow()).InZone(subscriber.TimeZone).Date;
        var day = today;
        if (post.Date is not null)
        {
            var parsed = LocalDatePattern.Iso.Parse(post.Date);
            if (!parsed.Success)
            {
                return Invalid("\"date\" must be a date as yyyy-MM-dd.");
            }

            if (parsed.Value > today.PlusDays(1))
            {
                return Invalid("\"date\" can't be in the future.");
            }

            if (parsed.Value < Import.JournalFileParser.Earliest)
            {
                return Invalid("\"date\" can't be before 1900-01-01, the earliest a journal takes (as an import does).");
            }

            day = parsed.Value;
        }

        var addition = JournalWriter.Understand(texts, actTexts);

        // A retried post names the same day, items and acts, so the same key: it adds nothing twice.
        await writer.WriteAsync(subscriber, day, addition, RetryKey(day, texts, actTexts), countsAsReply: true, cancellationToken);
        return new(EntriesOutcome.Added, new EntryResponse(Iso(day), addition.Items, addition.Acts), null);
    }

    /// <summary>Lists journal days between two dates (inclusive, either optional): <c>[{ "date", "items", "acts" }]</c>, oldest first.</summary>
    /// <remarks>A day appears when it has an item or an act; the other list is then empty.</remarks>
    public async Task<EntriesResult<IReadOnlyList<EntryResponse>>> ListAsync(string? authorization, string? from, string? to, CancellationToken cancellationToken = default)
    {
        var subscriber = await tokens.AuthenticateAsync(authorization, cancellationToken);
        if (subscriber is null)
        {
            return new(EntriesOutcome.Unauthorized, null, TokenProblem);
        }

        LocalDate? start = null;
        LocalDate? end = null;
        if (!string.IsNullOrEmpty(from))
        {
            var parsed = LocalDatePattern.Iso.Parse(from);
            if (!parsed.Success)
            {
                return new(EntriesOutcome.Invalid, null, "\"from\" must be a date as yyyy-MM-dd.");
            }

            start = parsed.Value;
        }

        if (!string.IsNullOrEmpty(to))
        {
            var parsed = LocalDatePattern.Iso.Parse(to);
            if (!parsed.Success)
            {
                return new(EntriesOutcome.Invalid, null, "\"to\" must be a date as yyyy-MM-dd.");
            }

            end = parsed.Value;
        }

        var days = JournalDay.Merge(
            await entries.GetEntriesAsync(subscriber.Id, cancellationToken),
            await acts.GetActsAsync(subscriber.Id, cancellationToken));
        var selected = days
            .Where(d => (start is null || d.Date >= start) && (end is null || d.Date <= end))
            .Select(d => new EntryResponse(Iso(d.Date), d.Items, d.Acts))
            .ToList();
        return new(EntriesOutcome.Listed, selected, null);
    }

    private static EntriesResult<EntryResponse> Invalid(string problem) => new(EntriesOutcome.Invalid, null, problem);

    private static string? CheckLimits(List<string> texts, string property, string noun) =>
        texts.Count > MaxItems ? $"Too many {property}: at most {MaxItems} per request."
        : texts.Any(t => t.Length > MaxItemLength) ? $"An {noun} is too long: at most {MaxItemLength} characters each."
        : null;

    // The day and the texts as posted, each length-prefixed so no two different posts read alike.
    private static string RetryKey(LocalDate day, List<string> items, List<string> acts)
    {
        var canonical = new StringBuilder(Iso(day));
        foreach (var (kind, texts) in new[] { ("i", items), ("a", acts) })
        {
            foreach (var text in texts)
            {
                canonical.Append(CultureInfo.InvariantCulture, $"|{kind}{text.Length}:{text}");
            }
        }

        return "api:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))[..32];
    }

    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
