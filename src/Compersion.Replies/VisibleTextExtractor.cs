namespace Compersion.Replies;

/// <summary>Extracts the visible new text of an emailed reply: what the subscriber wrote, without quoted history, signatures, phone footers or legal disclaimers.</summary>
/// <remarks>
/// <para>
/// Removed: quoted history (attribution lines of Gmail, Apple Mail, Outlook, Yahoo, Thunderbird and
/// others in some twenty languages, including attributions wrapped over several lines; <c>&gt;</c>
/// quotes; "From:/Sent:/To:/Subject:" header blocks and their translations; "Original Message" and
/// "Forwarded message" separators and underscore rules; our own prompt's question quoted without
/// markers), signatures (<c>-- </c>, a closing "Regards,\nName", "-Name"), device and app footers
/// ("Sent from my iPhone", "Get Outlook for iOS", …) and trailing legal disclaimers.
/// </para>
/// <para>
/// Kept exactly: the rest of the text, line breaks included. Trailing whitespace is trimmed from
/// each line and blank lines from both ends; blank lines left directly under removed text are
/// dropped. Reply lines written between or below quotes (inline and bottom replies) are kept.
/// </para>
/// <para>Linear in the size of the input, with no regular expressions; the only allocation on the plain-text path is the result.</para>
/// </remarks>
public static class VisibleTextExtractor
{
    /// <summary>The visible new text of a plain-text reply body.</summary>
    /// <param name="body">The body as received (any line endings).</param>
    /// <returns>The subscriber's own text, or an empty string when the reply added nothing.</returns>
    public static string Extract(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return VisibleTextScanner.Extract(body);
    }

    /// <summary>The visible text of a plain-text reply body, choosing what happens to the quoted lines an inline reply answers.</summary>
    /// <param name="body">The body as received (any line endings).</param>
    /// <param name="inlineQuotes">
    /// <see cref="InlineQuotes.Omit"/> (what <see cref="Extract(string)"/> does, and what journal items are read from) or
    /// <see cref="InlineQuotes.Keep"/>: answers written between quoted lines keep the questions they answer, as the
    /// thread reads (the public reply corpus's convention, and talon's and GitHub's).
    /// </param>
    /// <returns>The visible text, or an empty string when the reply added nothing.</returns>
    public static string Extract(string body, InlineQuotes inlineQuotes)
    {
        ArgumentNullException.ThrowIfNull(body);
        return VisibleTextScanner.Extract(body, inlineQuotes);
    }

    /// <summary>The visible new text of an HTML-only reply.</summary>
    /// <param name="html">The HTML body as received.</param>
    /// <returns>The subscriber's own text as plain text, or an empty string when the reply added nothing.</returns>
    /// <remarks>
    /// Quote containers are removed from the document first (Gmail's <c>gmail_quote</c>, Apple Mail's and
    /// Thunderbird's <c>blockquote type="cite"</c>, Outlook's reply header and everything after it, Yahoo's
    /// <c>yahoo_quoted</c>, …), along with scripts, styles and known signature containers; the remaining
    /// text then goes through the same rules as <see cref="Extract(string)"/>, which catch what markup did not mark.
    /// Markup nested more than two thousand elements deep (no mail client writes it, and parsing it
    /// costs time quadratic in its depth) is not read: the result is empty.
    /// </remarks>
    public static string ExtractFromHtml(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return VisibleTextScanner.Extract(HtmlToText.Convert(html));
    }
}
