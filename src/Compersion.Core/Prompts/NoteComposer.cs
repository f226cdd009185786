using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Microsoft.Extensions.Options;

namespace Compersion.Core.Prompts;

/// <summary>Composes the short notes sent in answer to a reply: receipts, command confirmations, help.</summary>
/// <remarks>Not list mail and never marketing: a note answers something the subscriber just sent.</remarks>
public sealed class NoteComposer(IOptions<MailOptions> options)
{
    /// <summary>Composes a note.</summary>
    /// <param name="subscriber">Who it goes to.</param>
    /// <param name="kind">The kind (<c>receipt</c>, <c>command</c>, <c>help</c>, <c>export</c> …), carried as <c>X-Compersion-Kind</c>.</param>
    /// <param name="subject">The subject line.</param>
    /// <param name="paragraphs">Plain-text paragraphs; escaped in HTML.</param>
    /// <param name="items">Items to list under the paragraphs (may be empty).</param>
    /// <param name="jobId">An opaque id for the tags.</param>
    public OutgoingMail Compose(Subscriber subscriber, string kind, string subject, IReadOnlyList<string> paragraphs, IReadOnlyList<string> items, string jobId)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var settings = options.Value;
        var view = new NoteView(paragraphs, items, settings.FromName);
        return new OutgoingMail(
            kind,
            subscriber.Email,
            settings.From,
            settings.FromName,
            ReplyTo: null,
            subject,
            PromptTemplates.Instance.RenderText("note.text", view),
            PromptTemplates.Page(subject, paragraphs.Count > 0 ? paragraphs[0] : subject, settings.FromName, "note.html", view, string.Empty),
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
            new Dictionary<string, string>(StringComparer.Ordinal) { ["sid"] = subscriber.Id, ["job"] = jobId });
    }
}
