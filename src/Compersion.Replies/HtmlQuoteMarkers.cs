using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Compersion.Replies;

/// <summary>Finds, in a parsed HTML reply, the containers mail clients put quoted history and signatures in.</summary>
/// <remarks>
/// Two kinds of marker: containers that hold the quote (skipped on their own), and a marker after
/// which everything in the document is history (Outlook puts its reply header and the original
/// message as siblings below it, not inside it). Nothing is removed from the document: the text walk
/// skips containers and stops at the cut, which keeps the work linear in the size of the document.
/// </remarks>
internal static class HtmlQuoteMarkers
{
    /// <summary>Outlook (web, desktop, mobile) and old Hotmail: the reply header, with the quoted message after it.</summary>
    private const string CutSelectors =
        "[id$=appendonsend], [id$=divRplyFwdMsg], #OLK_SRC_BODY_SECTION, hr#stopSpelling, div.OutlookMessageHeader, #mail-editor-reference-message-container";

    /// <summary>Quote and signature containers of Gmail, Apple Mail, Thunderbird, Yahoo, Proton, Zoho and Zimbra.</summary>
    private const string ContainerSelectors =
        "[class*=gmail_quote], div.gmail_attr, blockquote[type=cite], div.moz-cite-prefix, .yahoo_quoted, [id^=yahoo_quoted], " +
        ".protonmail_quote, div.zmail_extra, div.zmail_extra_hr, [data-marker=__QUOTED_TEXT__], [data-marker=__HEADERS__], #zwchr, " +
        "blockquote[style*=border-left], .gmail_signature, [data-smartmail=gmail_signature], .moz-signature, #Signature, " +
        "#ms-outlook-mobile-signature, .ms-outlook-mobile-signature, #AppleMailSignature, .ms-outlook-mobile-reference-message";

    /// <summary>How many top-bordered divs are checked for Outlook desktop's reply header.</summary>
    private const int MaxBorderedDivs = 32;

    /// <summary>How much of a bordered div's text is read to recognise a "From:" line.</summary>
    private const int MaxHeaderProbe = 64;

    /// <summary>The element from which on the document is quoted history, if any.</summary>
    public static IElement? FindCut(IHtmlDocument document) =>
        document.QuerySelector(CutSelectors) ?? FindOutlookDesktopHeader(document);

    /// <summary>The quote and signature containers whose contents are not reply text.</summary>
    public static HashSet<IElement> FindContainers(IHtmlDocument document) =>
        new(document.QuerySelectorAll(ContainerSelectors), ReferenceEqualityComparer.Instance);

    /// <summary>Outlook desktop's reply header: a div with a top border whose text starts with "From:" (or a translation).</summary>
    private static IElement? FindOutlookDesktopHeader(IHtmlDocument document)
    {
        var checkedDivs = 0;
        foreach (var element in document.QuerySelectorAll("div[style*=border-top]"))
        {
            if (++checkedDivs > MaxBorderedDivs)
            {
                break;
            }

            if (QuoteHeaderBlock.StartsWithFrom(LeadingText(element)))
            {
                return element;
            }
        }

        return null;
    }

    /// <summary>The first characters of an element's text, without walking the whole subtree.</summary>
    private static string LeadingText(IElement element)
    {
        var text = new System.Text.StringBuilder(MaxHeaderProbe);
        var stack = new Stack<INode>();
        stack.Push(element);
        while (stack.Count > 0 && text.Length < MaxHeaderProbe)
        {
            var node = stack.Pop();
            if (node is IText part)
            {
                text.Append(part.Data);
                continue;
            }

            var children = node.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }

        return text.ToString().TrimStart();
    }
}
