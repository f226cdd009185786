namespace Compersion.Replies;

/// <summary>Recognises a line that logs a kind act: <c>kindness:</c>, <c>kindness -</c>, <c>kind act:</c> …</summary>
internal static class KindnessMarker
{
    private static readonly string[] Markers =
    [
        "random act of kindness", "act of kindness", "kind acts", "kind act", "kindness", "rak",
    ];

    /// <summary>Strips a kindness marker from the start of a line (any case).</summary>
    /// <param name="line">The line, trimmed, list marker already removed.</param>
    /// <param name="act">The act's text after the marker, trimmed; empty for a heading ("Kindness:").</param>
    public static bool TryStrip(string line, out string act)
    {
        act = string.Empty;
        foreach (var marker in Markers)
        {
            if (!line.StartsWith(marker, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var i = marker.Length;
            while (i < line.Length && line[i] == ' ')
            {
                i++;
            }

            if (i >= line.Length)
            {
                return false;
            }

            var separator = line[i];
            var isColon = separator == ':';
            var isDash = separator is '-' or '–' or '—' && i > marker.Length;
            if (!isColon && !isDash)
            {
                return false;
            }

            // "kindness:gave blood" is typed without a space; "kindness-based" and "kindness:)" are not markers.
            if (i + 1 < line.Length && !char.IsWhiteSpace(line[i + 1]) && !(isColon && char.IsLetterOrDigit(line[i + 1])))
            {
                return false;
            }

            act = line[(i + 1)..].Trim();
            return true;
        }

        return false;
    }
}
