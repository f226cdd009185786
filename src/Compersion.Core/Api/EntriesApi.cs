using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using NodaTime;
using NodaTime.Text;

namespace Compersion.Core.Api;

/// <summary><c>POST/GET /api/entries</c>: the journal over HTTP, through the same rules as email replies.</summary>
public sealed class EntriesApi(PersonalTokens tokens, IEntryStore entries, IActStore acts, JournalWriter writer, TimeProvider time)
{
    /// <summary>Most items (and, separately, most kind acts) accepted in one post.</summary>
    public const int MaxItems = 50;

    /// <summary>Longest item or kind act accepted, in characters.</summary>
    public const int MaxItemLength = 1000;

    /// <summary>Adds items and kind acts: <c>{ "date"?: "yyyy-MM-dd", "items"?: ["…"], "acts"?: ["…"] }</c>.</summary>
    /// <remarks>
    /// Either list may be left out or empty, not both. The date, when given, is from 1900-01-01 (the earliest an import
    /// takes) to tomorrow in the subscriber's zone; anything else is <c>400</c> with the reason.
    /// The answer is <c>201</c> with <c>{ "date", "items", "acts" }</c>:
    /// what this post added, items with their signals. Posting the same body again adds nothing.
    /// </remarks>
    public async Task<ApiResult> PostAsync(string? authorization, byte[] body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var subscriber = await tokens.AuthenticateAsync(authorization, cancellationToken);
        if (subscriber is null)
        {
            return ApiResult.Error(401, "Missing or wrong token. Reply TOKEN to any of our emails to get yours, then send 'Authorization: Bearer <token>'.");
        }

        string? dateText = null;
        var texts = new List<string>();
        var actTexts = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ApiResult.Error(400, "The body must be a JSON object: { \"date\": \"yyyy-MM-dd\", \"items\": [\"…\"], \"acts\": [\"…\"] }.");
            }

            if (root.TryGetProperty("date", out var date) && date.ValueKind != JsonValueKind.Null)
            {
                if (date.ValueKind != JsonValueKind.String)
                {
                    return ApiResult.Error(400, "\"date\" must be a string yyyy-MM-dd.");
                }

                dateText = date.GetString();
            }

            if (ReadStrings(root, "items", "item", texts) is { } itemsError)
            {
                return itemsError;
            }

            if (ReadStrings(root, "acts", "act", actTexts) is { } actsError)
            {
                return actsError;
            }
        }
        catch (JsonException)
        {
            return ApiResult.Error(400, "That isn't valid JSON.");
        }

        if (texts.All(string.IsNullOrWhiteSpace) && actTexts.All(string.IsNullOrWhiteSpace))
        {
            return ApiResult.Error(400, "Send at least one item (or a kind act in \"acts\").");
        }

        if ((CheckLimits(texts, "items", "item") ?? CheckLimits(actTexts, "acts", "act")) is { } limitError)
        {
            return limitError;
        }

        var today = Instant.FromDateTimeOffset(time.GetUtcNow()).InZone(subscriber.TimeZone).Date;
        var day = today;
        if (dateText is not null)
        {
            var parsed = LocalDatePattern.Iso.Parse(dateText);
            if (!parsed.Success)
            {
                return ApiResult.Error(400, "\"date\" must be a date as yyyy-MM-dd.");
            }

            if (parsed.Value > today.PlusDays(1))
            {
                return ApiResult.Error(400, "\"date\" can't be in the future.");
            }

            if (parsed.Value < Import.JournalFileParser.Earliest)
            {
                return ApiResult.Error(400, "\"date\" can't be before 1900-01-01, the earliest a journal takes (as an import does).");
            }

            day = parsed.Value;
        }

        var addition = JournalWriter.Understand(texts, actTexts);

        // A retried post has the same body, so the same key: it adds nothing twice.
        var key = "api:" + Convert.ToHexStringLower(SHA256.HashData(body))[..32];
        await writer.WriteAsync(subscriber, day, addition, key, countsAsReply: true, cancellationToken);
        return new ApiResult(201, new EntryResponse(Iso(day), addition.Items, addition.Acts));
    }

    /// <summary>Lists journal days between two dates (inclusive, either optional): <c>[{ "date", "items", "acts" }]</c>, oldest first.</summary>
    /// <remarks>A day appears when it has an item or an act; the other list is then empty.</remarks>
    public async Task<ApiResult> GetAsync(string? authorization, string? from, string? to, CancellationToken cancellationToken = default)
    {
        var subscriber = await tokens.AuthenticateAsync(authorization, cancellationToken);
        if (subscriber is null)
        {
            return ApiResult.Error(401, "Missing or wrong token. Reply TOKEN to any of our emails to get yours, then send 'Authorization: Bearer <token>'.");
        }

        LocalDate? start = null;
        LocalDate? end = null;
        if (!string.IsNullOrEmpty(from))
        {
            var parsed = LocalDatePattern.Iso.Parse(from);
            if (!parsed.Success)
            {
                return ApiResult.Error(400, "\"from\" must be a date as yyyy-MM-dd.");
            }

            start = parsed.Value;
        }

        if (!string.IsNullOrEmpty(to))
        {
            var parsed = LocalDatePattern.Iso.Parse(to);
            if (!parsed.Success)
            {
                return ApiResult.Error(400, "\"to\" must be a date as yyyy-MM-dd.");
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
        return new ApiResult(200, selected);
    }

    /// <summary>Reads an optional array of strings (missing or null reads as empty), trimmed; an error for anything else.</summary>
    private static ApiResult? ReadStrings(JsonElement root, string property, string noun, List<string> into)
    {
        if (!root.TryGetProperty(property, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            return ApiResult.Error(400, $"\"{property}\" must be an array of strings.");
        }

        foreach (var element in array.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.String)
            {
                return ApiResult.Error(400, $"Every {noun} must be a string.");
            }

            into.Add(element.GetString()!.Trim());
        }

        return null;
    }

    private static ApiResult? CheckLimits(List<string> texts, string property, string noun)
    {
        if (texts.Count > MaxItems)
        {
            return ApiResult.Error(400, $"Too many {property}: at most {MaxItems} per request.");
        }

        return texts.Any(t => t.Length > MaxItemLength)
            ? ApiResult.Error(400, $"An {noun} is too long: at most {MaxItemLength} characters each.")
            : null;
    }

    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
