using System.Text;
using System.Text.Json;
using Compersion.Core.Subscriptions;
using Microsoft.AspNetCore.WebUtilities;

namespace Compersion.Functions.Http;

/// <summary>Turns a JSON or form-encoded sign-up body into a validated <see cref="SignUpRequest"/>.</summary>
internal static class SignUpForm
{
    public static async Task<(SignUpRequest? Request, string? Error)> ReadAsync(Stream body, string? contentType, long? contentLength, CancellationToken cancellationToken)
    {
        var (request, error, _) = await ReadWithFieldsAsync(body, contentType, contentLength, cancellationToken);
        return (request, error);
    }

    /// <summary>As <see cref="ReadAsync"/>, also returning the raw fields, so a form can be shown again as it was typed.</summary>
    public static async Task<(SignUpRequest? Request, string? Error, IReadOnlyDictionary<string, string?> Fields)> ReadWithFieldsAsync(Stream body, string? contentType, long? contentLength, CancellationToken cancellationToken)
    {
        var none = new Dictionary<string, string?>();
        var bytes = await BodyReader.ReadLimitedAsync(body, contentLength, RequestLimits.SmallBodyBytes, cancellationToken);
        if (bytes is null)
        {
            return (null, "That request is too large. A sign-up needs only an email address, a time zone and a time.", none);
        }

        Dictionary<string, string?> fields;
        var type = contentType ?? string.Empty;
        if (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            if (!TryReadJson(bytes, out fields))
            {
                return (null, "That isn't valid JSON. Send an object like {\"email\": \"name@example.com\", \"zone\": \"Europe/Berlin\", \"time\": \"20:00\"}.", none);
            }
        }
        else if (type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            fields = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(bytes))
                .ToDictionary(pair => pair.Key, pair => (string?)pair.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        }
        else
        {
            return (null, "Send the sign-up as JSON (application/json) or as a form (application/x-www-form-urlencoded).", none);
        }

        return SignUpRequest.TryCreate(Get(fields, "email"), Get(fields, "zone"), Get(fields, "time"), Get(fields, "digestDay"), Get(fields, "digestTime"), Get(fields, "goal"), Get(fields, "clock"), out var request, out var error)
            ? (request, null, fields)
            : (null, error, fields);
    }

    private static string? Get(Dictionary<string, string?> fields, string name) => fields.TryGetValue(name, out var value) ? value : null;

    private static bool TryReadJson(byte[] bytes, out Dictionary<string, string?> fields)
    {
        fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 4 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                fields[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
