using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Compersion.Core.Subscribers;
using Microsoft.Extensions.Options;

namespace Compersion.Email;

/// <summary>Checks and reads posts from SendGrid's signed Event Webhook (bounces, drops, spam reports, unsubscribes …).</summary>
/// <remarks>
/// SendGrid signs the timestamp header followed by the exact request body with ECDSA P-256 (SHA-256, DER signature).
/// Verify the raw bytes before parsing anything: re-serialized JSON would not verify.
/// Both members are pure: no I/O, and the clock comes in as an argument.
/// </remarks>
public sealed class SendGridEventWebhook
{
    /// <summary>The header carrying the base64 DER ECDSA signature.</summary>
    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";

    /// <summary>The header carrying the signing time in unix seconds.</summary>
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    /// <summary>How far ahead of our clock a timestamp may be (clock skew).</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    private const string SubscriberIdArg = "sid";
    private const string JobIdArg = "job";

    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    private readonly byte[]? publicKey;
    private readonly string? keyProblem;
    private readonly TimeSpan maxAge;

    /// <summary>Creates a verifier for the key and maximum age in <see cref="SendGridOptions"/>.</summary>
    public SendGridEventWebhook(IOptions<SendGridOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        maxAge = settings.EventWebhookMaxAge;
        if (string.IsNullOrWhiteSpace(settings.EventWebhookPublicKey))
        {
            keyProblem = EventWebhookResult.NoKeyConfigured;
        }
        else
        {
            publicKey = EventWebhookKey.TryDecode(settings.EventWebhookPublicKey);
            keyProblem = publicKey is null ? EventWebhookResult.InvalidKey : null;
        }
    }

    /// <summary>Whether <paramref name="rawBody"/> was signed by SendGrid recently.</summary>
    /// <param name="rawBody">The request body exactly as received.</param>
    /// <param name="signatureHeader">The value of <see cref="SignatureHeader"/>.</param>
    /// <param name="timestampHeader">The value of <see cref="TimestampHeader"/>.</param>
    /// <param name="now">The current time (from the caller's <see cref="TimeProvider"/>).</param>
    /// <remarks>
    /// Rejected when no valid key is configured, a header is missing, the signature does not match, or the timestamp
    /// is older than <see cref="SendGridOptions.EventWebhookMaxAge"/> or more than <see cref="MaxClockSkew"/> ahead.
    /// </remarks>
    public EventWebhookResult Verify(ReadOnlySpan<byte> rawBody, string? signatureHeader, string? timestampHeader, DateTimeOffset now)
    {
        if (publicKey is null)
        {
            return EventWebhookResult.Rejected(keyProblem ?? EventWebhookResult.NoKeyConfigured);
        }

        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            return EventWebhookResult.Rejected(EventWebhookResult.MissingSignature);
        }

        if (string.IsNullOrWhiteSpace(timestampHeader))
        {
            return EventWebhookResult.Rejected(EventWebhookResult.MissingTimestamp);
        }

        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > MaxUnixSeconds)
        {
            return EventWebhookResult.Rejected(EventWebhookResult.InvalidTimestamp);
        }

        var signedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (now - signedAt > maxAge)
        {
            return EventWebhookResult.Rejected(EventWebhookResult.StaleTimestamp);
        }

        if (signedAt - now > MaxClockSkew)
        {
            return EventWebhookResult.Rejected(EventWebhookResult.FutureTimestamp);
        }

        var signature = new byte[signatureHeader.Length];
        if (!Convert.TryFromBase64String(signatureHeader.Trim(), signature, out var signatureLength))
        {
            return EventWebhookResult.Rejected(EventWebhookResult.InvalidSignature);
        }

        var signed = new byte[Encoding.UTF8.GetByteCount(timestampHeader) + rawBody.Length];
        var timestampLength = Encoding.UTF8.GetBytes(timestampHeader, signed);
        rawBody.CopyTo(signed.AsSpan(timestampLength));

        try
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(publicKey, out _);
            var valid = ecdsa.VerifyData(
                signed,
                signature.AsSpan(0, signatureLength),
                HashAlgorithmName.SHA256,
                DSASignatureFormat.Rfc3279DerSequence);
            return valid ? EventWebhookResult.Verified : EventWebhookResult.Rejected(EventWebhookResult.InvalidSignature);
        }
        catch (CryptographicException)
        {
            return EventWebhookResult.Rejected(EventWebhookResult.InvalidSignature);
        }
    }

    /// <summary>Reads the events of a (verified) post: a JSON array of event objects.</summary>
    /// <param name="rawBody">The request body.</param>
    /// <param name="events">The events, in order; empty when the body is malformed.</param>
    /// <returns>False when the body is not a JSON array (nothing is read); never throws on bad input.</returns>
    /// <remarks>
    /// Elements that are not objects or have no <c>event</c> name are skipped. Custom args arrive as top-level
    /// properties of each event; <c>sid</c> is kept only when it is shaped like a subscriber id. The recipient's
    /// address and SendGrid's free-text reasons are not read.
    /// </remarks>
    public static bool TryParse(ReadOnlySpan<byte> rawBody, out IReadOnlyList<DeliveryEvent> events)
    {
        events = [];
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(rawBody.ToArray());
        }
        catch (JsonException)
        {
            return false;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            var parsed = new List<DeliveryEvent>(document.RootElement.GetArrayLength());
            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (element.ValueKind == JsonValueKind.Object && StringOf(element, "event") is { Length: > 0 } eventType)
                {
                    var subscriberId = StringOf(element, SubscriberIdArg);
                    parsed.Add(new DeliveryEvent(
                        eventType,
                        SubscriberId.IsValid(subscriberId) ? subscriberId : null,
                        StringOf(element, "sg_event_id"),
                        TimestampOf(element),
                        StringOf(element, "sg_message_id"),
                        StringOf(element, JobIdArg)));
                }
            }

            events = parsed;
            return true;
        }
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? TimestampOf(JsonElement element) =>
        element.TryGetProperty("timestamp", out var value) &&
        value.ValueKind == JsonValueKind.Number &&
        value.TryGetInt64(out var seconds) &&
        seconds >= 0 && seconds <= MaxUnixSeconds
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
