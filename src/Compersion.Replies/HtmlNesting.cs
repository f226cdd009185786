using System.Collections.Frozen;

namespace Compersion.Replies;

/// <summary>A linear pre-scan that bounds how deeply an HTML document nests, before it is parsed.</summary>
/// <remarks>
/// An HTML5 parser checks the stack of open elements on every tag, so markup nested thousands of
/// levels deep costs time quadratic in its depth (seconds for ten thousand nested <c>&lt;div&gt;</c>s).
/// Mail clients nest a few dozen levels, a few hundred for a long quoted thread; deeper markup is
/// rejected before parsing. Void elements and elements whose end tag is implied (<c>p</c>, <c>li</c>,
/// <c>td</c>, …) do not count, and the contents of comments, scripts and styles are skipped.
/// </remarks>
internal static class HtmlNesting
{
    private static readonly FrozenSet<string> Uncounted = new[]
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> UncountedLookup = Uncounted.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether more than <paramref name="limit"/> elements are ever open at once in <paramref name="html"/>.</summary>
    public static bool IsDeeperThan(ReadOnlySpan<char> html, int limit)
    {
        var depth = 0;
        var i = 0;
        while (i < html.Length)
        {
            var open = html[i..].IndexOf('<');
            if (open < 0)
            {
                return false;
            }

            i += open + 1;
            if (html[i..].StartsWith("!--", StringComparison.Ordinal))
            {
                i = SkipPast(html, i, "-->");
                continue;
            }

            var closing = i < html.Length && html[i] == '/';
            if (closing)
            {
                i++;
            }

            var nameStart = i;
            while (i < html.Length && char.IsAsciiLetterOrDigit(html[i]))
            {
                i++;
            }

            var name = html[nameStart..i];
            if (name.IsEmpty || !char.IsAsciiLetter(name[0]))
            {
                continue;
            }

            var end = html[i..].IndexOf('>');
            if (end < 0)
            {
                return false;
            }

            var selfClosing = end > 0 && html[i + end - 1] == '/';
            i += end + 1;
            if (closing)
            {
                if (!UncountedLookup.Contains(name) && depth > 0)
                {
                    depth--;
                }

                continue;
            }

            if (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase))
            {
                i = SkipPast(html, i, name.Length == 6 ? "</script" : "</style");
                continue;
            }

            if (!selfClosing && !UncountedLookup.Contains(name) && ++depth > limit)
            {
                return true;
            }
        }

        return false;
    }

    private static int SkipPast(ReadOnlySpan<char> html, int from, string marker)
    {
        var index = html[from..].IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        return index < 0 ? html.Length : from + index + marker.Length;
    }
}
