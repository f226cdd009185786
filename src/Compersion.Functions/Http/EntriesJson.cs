using System.Text.Json;
using Compersion.Core.Api;

namespace Compersion.Functions.Http;

/// <summary>Reads a <c>POST /api/entries</c> body, <c>{ "date"?: "yyyy-MM-dd", "items"?: ["…"], "acts"?: ["…"] }</c>, checking its shape.</summary>
/// <remarks>Only the shape is checked here (an object, a string date, arrays of strings); the rules (limits, dates) are Core's.</remarks>
internal static class EntriesJson
{
    /// <summary>The post, or null with what is wrong with its shape.</summary>
    public static (EntriesPost? Post, string? Problem) Read(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "The body must be a JSON object: { \"date\": \"yyyy-MM-dd\", \"items\": [\"…\"], \"acts\": [\"…\"] }.");
            }

            string? date = null;
            if (root.TryGetProperty("date", out var dateElement) && dateElement.ValueKind != JsonValueKind.Null)
            {
                if (dateElement.ValueKind != JsonValueKind.String)
                {
                    return (null, "\"date\" must be a string yyyy-MM-dd.");
                }

                date = dateElement.GetString();
            }

            var (items, itemsProblem) = Strings(root, "items", "item");
            var (acts, actsProblem) = Strings(root, "acts", "act");
            return (itemsProblem ?? actsProblem) is { } problem ? (null, problem) : (new EntriesPost(date, items, acts), null);
        }
        catch (JsonException)
        {
            return (null, "That isn't valid JSON.");
        }
    }

    // An optional array of strings: missing or null reads as empty; anything else is a problem.
    private static (IReadOnlyList<string> Strings, string? Problem) Strings(JsonElement root, string property, string noun)
    {
        if (!root.TryGetProperty(property, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return ([], null);
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            return ([], $"\"{property}\" must be an array of strings.");
        }

        var strings = new List<string>();
        foreach (var element in array.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.String)
            {
                return ([], $"Every {noun} must be a string.");
            }

            strings.Add(element.GetString()!);
        }

        return (strings, null);
    }
}
