using System.Collections.Frozen;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Compersion.Replies;

/// <summary>Turns an HTML mail body into plain text with its line structure, leaving out quote and signature containers.</summary>
/// <remarks>
/// Block elements and <c>&lt;br&gt;</c> become line breaks, list items get "1. " or "- ", runs of
/// whitespace collapse as a browser would (except in <c>&lt;pre&gt;</c>), and scripts, styles and
/// other non-text elements are dropped. The walk is iterative, so deeply nested markup cannot
/// exhaust the stack, and visits each node once.
/// </remarks>
public static class HtmlToText
{
    /// <summary>Deepest nesting parsed; no mail client comes near it (see <see cref="HtmlNesting"/>).</summary>
    public const int MaxDepth = 2000;

    private const int MaxAltTextLength = 10;

    private static readonly FrozenSet<string> Skipped = new[]
    {
        "script", "style", "head", "title", "template", "noscript", "iframe", "object", "embed", "svg", "math", "meta", "link", "select", "button",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Blocks = new[]
    {
        "address", "article", "aside", "blockquote", "caption", "center", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
        "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The text of <paramref name="html"/> with quoted history removed; empty for markup nested deeper than <see cref="MaxDepth"/>.</summary>
    public static string Convert(string html)
    {
        if (HtmlNesting.IsDeeperThan(html, MaxDepth))
        {
            return string.Empty;
        }

        var parser = new HtmlParser();
        using var document = parser.ParseDocument(html);
        var root = (INode?)document.Body ?? document.DocumentElement;
        if (root is null)
        {
            return string.Empty;
        }

        var writer = new Writer(new StringBuilder(html.Length / 2));
        Walk(root, HtmlQuoteMarkers.FindCut(document), HtmlQuoteMarkers.FindContainers(document), writer);
        return writer.ToString();
    }

    /// <summary>Writes the text of <paramref name="root"/> in document order, skipping <paramref name="containers"/> and stopping at <paramref name="cut"/>.</summary>
    private static void Walk(INode root, IElement? cut, HashSet<IElement> containers, Writer writer)
    {
        // (node, leaving): each element is visited on the way in and again on the way out.
        var stack = new Stack<(INode Node, bool Leaving)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, leaving) = stack.Pop();
            if (node is IText text)
            {
                writer.Text(text.Data);
                continue;
            }

            if (node is not IElement element)
            {
                continue;
            }

            var name = element.LocalName;
            if (leaving)
            {
                writer.Leave(name);
                continue;
            }

            if (ReferenceEquals(element, cut))
            {
                // Everything after the cut in document order is quoted history.
                return;
            }

            if (Skipped.Contains(name) || containers.Contains(element))
            {
                continue;
            }

            switch (name)
            {
                case "br":
                    writer.LineBreak();
                    continue;
                case "img":
                    // Gmail and Outlook draw emoji as images whose alt text is the emoji itself.
                    if (element.GetAttribute("alt") is { Length: > 0 and <= MaxAltTextLength } alt)
                    {
                        writer.Text(alt);
                    }

                    continue;
            }

            writer.Enter(name, element);
            stack.Push((node, true));

            // Children by index: AngleSharp's sibling links look the node up in its parent, which is linear.
            var children = node.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                stack.Push((children[i], false));
            }
        }
    }

    /// <summary>Accumulates text, collapsing whitespace and tracking line starts, list numbering and preformatted blocks.</summary>
    private sealed class Writer(StringBuilder builder)
    {
        private readonly Stack<int> lists = new();
        private bool atLineStart = true;
        private bool pendingSpace;
        private int preformatted;

        public void Text(string data)
        {
            if (preformatted > 0)
            {
                foreach (var c in data)
                {
                    if (c == '\r')
                    {
                        continue;
                    }

                    builder.Append(c);
                    atLineStart = c == '\n';
                }

                return;
            }

            foreach (var c in data)
            {
                if (c == '\u00a0')
                {
                    // A non-breaking space is kept, so an Outlook "&nbsp;" paragraph still reads as a blank line.
                    FlushSpace();
                    builder.Append(' ');
                    atLineStart = false;
                }
                else if (char.IsWhiteSpace(c))
                {
                    pendingSpace = true;
                }
                else
                {
                    FlushSpace();
                    builder.Append(c);
                    atLineStart = false;
                }
            }
        }

        public void LineBreak()
        {
            builder.Append('\n');
            atLineStart = true;
            pendingSpace = false;
        }

        public void Enter(string name, IElement element)
        {
            if (name is "td" or "th")
            {
                pendingSpace = !atLineStart;
                return;
            }

            if (!Blocks.Contains(name))
            {
                return;
            }

            EnsureLineStart();
            switch (name)
            {
                case "pre":
                    preformatted++;
                    break;
                case "ol":
                    lists.Push(int.TryParse(element.GetAttribute("start"), out var start) ? start - 1 : 0);
                    break;
                case "ul":
                    lists.Push(-1);
                    break;
                case "li":
                    ListMarker();
                    break;
            }
        }

        public void Leave(string name)
        {
            if (!Blocks.Contains(name))
            {
                return;
            }

            EnsureLineStart();
            if (name == "pre")
            {
                preformatted--;
            }
            else if (name is "ol" or "ul" && lists.Count > 0)
            {
                lists.Pop();
            }
        }

        public override string ToString() => builder.ToString();

        private void ListMarker()
        {
            if (lists.Count == 0 || lists.Peek() < 0)
            {
                builder.Append("- ");
            }
            else
            {
                var number = lists.Pop() + 1;
                lists.Push(number);
                builder.Append(number).Append(". ");
            }

            atLineStart = false;
        }

        private void EnsureLineStart()
        {
            if (!atLineStart)
            {
                LineBreak();
            }

            pendingSpace = false;
        }

        private void FlushSpace()
        {
            if (pendingSpace && !atLineStart)
            {
                builder.Append(' ');
            }

            pendingSpace = false;
        }
    }
}
