using Compersion.Core.Security;
using Compersion.Core.Sending;

namespace Compersion.Core.Links;

/// <summary>The signed one-click unsubscribe link of a list mail (prompt, check-in, digest), in every form a mail needs it.</summary>
/// <param name="Token">The signed <see cref="TokenPurpose.Unsubscribe"/> token.</param>
/// <param name="Url">The https link: <c>{PublicBaseUrl}/api/unsubscribe?token={Token}</c>; also the visible link in the body.</param>
/// <param name="MailtoAddress">The address that unsubscribes by email: <c>unsubscribe+{Token}@{InboundDomain}</c>.</param>
/// <remarks>
/// RFC 8058: the https URL in <c>List-Unsubscribe</c> together with <c>List-Unsubscribe-Post:
/// List-Unsubscribe=One-Click</c> lets mailbox providers offer a one-click unsubscribe button;
/// the mailto form serves clients that only speak RFC 2369.
/// </remarks>
public sealed record UnsubscribeLinks(string Token, string Url, string MailtoAddress)
{
    /// <summary>The RFC 2369 header naming the unsubscribe URIs.</summary>
    public const string ListUnsubscribeHeader = "List-Unsubscribe";

    /// <summary>The RFC 8058 header announcing one-click unsubscribe.</summary>
    public const string ListUnsubscribePostHeader = "List-Unsubscribe-Post";

    /// <summary>The only value RFC 8058 allows in <see cref="ListUnsubscribePostHeader"/>.</summary>
    public const string OneClickValue = "List-Unsubscribe=One-Click";

    // Token values are whole minutes in an int; the value of an unsubscribe token is never checked, so clamp rather than overflow.
    private static readonly Instant LatestIssue = Instant.FromUnixTimeSeconds(int.MaxValue * 60L);

    /// <summary>Signs the links for one subscriber and one mail.</summary>
    /// <param name="signer">Signs the token.</param>
    /// <param name="options">Where links and mail addresses point.</param>
    /// <param name="subscriberId">Whose link it is.</param>
    /// <param name="issuedOn">The local date of the mail; the same mail composed twice carries the same link.</param>
    /// <remarks>Unsubscribe tokens never expire; their value only records the day they were issued.</remarks>
    public static UnsubscribeLinks Create(TokenSigner signer, MailOptions options, string subscriberId, LocalDate issuedOn)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(options);
        var issued = issuedOn.AtMidnight().InUtc().ToInstant();
        var token = signer.ForLink(TokenPurpose.Unsubscribe, subscriberId, issued < LatestIssue ? issued : LatestIssue);
        return new UnsubscribeLinks(
            token,
            $"{Routes.Url(options, Routes.Unsubscribe)}?token={token}",
            $"unsubscribe+{token}@{options.InboundDomain}");
    }

    /// <summary>The mailto form of <see cref="MailtoAddress"/>.</summary>
    public string MailtoUrl => "mailto:" + MailtoAddress;

    /// <summary>The two headers every list mail carries (RFC 2369 and RFC 8058).</summary>
    public IReadOnlyDictionary<string, string> Headers => new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [ListUnsubscribeHeader] = $"<{Url}>, <{MailtoUrl}>",
        [ListUnsubscribePostHeader] = OneClickValue,
    };
}
