using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Compersion.Core.Journal;
using Compersion.Core.Replies;
using Compersion.Core.Subscribers;
using NodaTime;
using NodaTime.Text;

namespace Compersion.Core.Api;

/// <summary><c>POST/GET /api/entries</c>: the journal over HTTP, through the same rules as email replies.</summary>
public sealed class EntriesApi(PersonalTokens tokens, IEntryStore entries, SettingsService settings, TimeProvider time)
{
    /// <summary>Most items accepted in one post.</summary>
    public const int MaxItems = 50;

    /// <summary>Longest item accepted, in characters.</summary>
    public const int MaxItemLength = 1000;

    /// <summary>Adds items: <c>{ "date"?: "yyyy-MM-dd", "items": ["…"] }</c>.</summary>
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
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ApiResult.Error(400, "The body must be a JSON object: { \"date\": \"yyyy-MM-dd\", \"items\": [\"…\"] }.");
            }

            if (root.TryGetProperty("date", out var date) && date.ValueKind != JsonValueKind.Null)
            {
                if (date.ValueKind != JsonValueKind.String)
                {
                    return ApiResult.Error(400, "\"date\" must be a string yyyy-MM-dd.");
                }

                dateText = date.GetString();
            }

            if (!root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                return ApiResult.Error(400, "\"items\" must be an array of strings.");
            }

            foreach (var item in items.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    return ApiResult.Error(400, "Every item must be a string.");
                }

                texts.Add(item.GetString()!.Trim());
            }
        }
        catch (JsonException)
        {
            return ApiResult.Error(400, "That isn't valid JSON.");
        }

        if (texts.Count == 0 || texts.All(string.IsNullOrWhiteSpace))
        {
            return ApiResult.Error(400, "Send at least one item.");
        }

        if (texts.Count > MaxItems)
        {
            return ApiResult.Error(400, $"Too many items: at most {MaxItems} per request.");
        }

        if (texts.Any(t => t.Length > MaxItemLength))
        {
            return ApiResult.Error(400, $"An item is too long: at most {MaxItemLength} characters each.");
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

            day = parsed.Value;
        }

        var understood = texts.Where(t => t.Length > 0).Select(ItemSignals.Understand).ToList();
        var key = "api:" + Convert.ToHexStringLower(SHA256.HashData(body))[..32];
        await entries.AppendAsync(subscriber.Id, day, understood, key, cancellationToken);
        await settings.RecordReplyAsync(subscriber, day, cancellationToken);
        return new ApiResult(201, new EntryResponse(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), understood));
    }

    /// <summary>Lists entries between two dates (inclusive, either optional).</summary>
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

        var journal = await entries.GetEntriesAsync(subscriber.Id, cancellationToken);
        var selected = journal
            .Where(e => (start is null || e.Date >= start) && (end is null || e.Date <= end))
            .OrderBy(e => e.Date)
            .Select(e => new EntryResponse(e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.Items))
            .ToList();
        return new ApiResult(200, selected);
    }
}
