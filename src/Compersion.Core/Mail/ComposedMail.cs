using Compersion.Core.Sending;
using Compersion.Core.Subscribers;

namespace Compersion.Core.Mail;

/// <summary>How every composer addresses what it wrote: to the subscriber, from the service's address and name, tagged with opaque ids only.</summary>
internal static class ComposedMail
{
    /// <summary>The mail of <paramref name="kind"/> to <paramref name="subscriber"/>, tagged with their id and <paramref name="jobId"/> (never personal data).</summary>
    /// <param name="subscriber">Who it goes to.</param>
    /// <param name="options">The sending address and name.</param>
    /// <param name="kind">What it is, carried as <c>X-Compersion-Kind</c>.</param>
    /// <param name="replyTo">The Reply-To carrying a reply token; null when a reply is not read.</param>
    /// <param name="subject">The subject line.</param>
    /// <param name="body">The text and HTML bodies.</param>
    /// <param name="headers">Extra headers (List-Unsubscribe, In-Reply-To …).</param>
    /// <param name="jobId">The outbound job's id (or another opaque id).</param>
    /// <param name="attachments">Files to attach; null for none.</param>
    public static OutgoingMail To(Subscriber subscriber, MailOptions options, string kind, string? replyTo, string subject, MailBody body, IReadOnlyDictionary<string, string> headers, string jobId, IReadOnlyList<MailAttachment>? attachments = null) =>
        new(
            kind,
            subscriber.Email,
            options.From,
            options.FromName,
            replyTo,
            subject,
            body.Text,
            body.Html,
            headers,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["sid"] = subscriber.Id, ["job"] = jobId },
            attachments);
}
