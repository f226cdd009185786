using System.Security.Cryptography;
using System.Text;
using Compersion.Core.Common;
using Compersion.Core.Subscribers;

namespace Compersion.Core.Api;

/// <summary>Personal tokens for the entries API: <c>{subscriberId}.{secret}</c>, issued by the <c>TOKEN</c> command, stored only as a hash.</summary>
/// <remarks>Issuing a new token replaces the old one (rotation); a token stops working when its subscriber unsubscribes.</remarks>
public sealed class PersonalTokens(ISubscriberStore subscribers)
{
    /// <summary>Issues (or rotates) a subscriber's token and returns it; only its hash is kept.</summary>
    public async Task<string> IssueAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var secret = Base32.Encode(RandomNumberGenerator.GetBytes(20));
        await subscribers.UpdateAsync(subscriber.Id, s => s with { ApiTokenHash = Hash(secret) }, cancellationToken);
        return $"{subscriber.Id}.{secret}";
    }

    /// <summary>The subscriber an <c>Authorization: Bearer …</c> header belongs to, or null.</summary>
    public async Task<Subscriber?> AuthenticateAsync(string? authorization, CancellationToken cancellationToken = default)
    {
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = authorization[scheme.Length..].Trim();
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot != SubscriberId.Length || !SubscriberId.IsValid(token[..dot]) || token.Length > 128)
        {
            return null;
        }

        var subscriber = await subscribers.FindByIdAsync(token[..dot], cancellationToken);
        if (subscriber?.ApiTokenHash is null || subscriber.Status is SubscriberStatus.Pending or SubscriberStatus.Unsubscribed)
        {
            return null;
        }

        var presented = Encoding.ASCII.GetBytes(Hash(token[(dot + 1)..]));
        return CryptographicOperations.FixedTimeEquals(presented, Encoding.ASCII.GetBytes(subscriber.ApiTokenHash)) ? subscriber : null;
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
