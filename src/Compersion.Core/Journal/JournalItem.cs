using System.Text.Json.Serialization;
using Compersion.Replies;

namespace Compersion.Core.Journal;

/// <summary>One gratitude, with what was understood about it.</summary>
/// <param name="Text">The item as written.</param>
/// <param name="Social">Mentions a person or relationship.</param>
/// <param name="Vague">Too general to savour ("my family", "health").</param>
/// <param name="Compersion">Joy noticed in someone else.</param>
public sealed record JournalItem(string Text, bool Social = false, bool Vague = false, bool Compersion = false)
{
    /// <summary>The key of the message (or post, or imported day) that wrote this item; null once the subscriber edited or moved it.</summary>
    /// <remarks>
    /// What lets a replay replace exactly what one message contributed, and <c>UNDO</c> revert exactly one message's
    /// writes, while leaving the subscriber's own corrections alone. Never exported: it is bookkeeping, not their words.
    /// </remarks>
    [JsonIgnore]
    public string? Source { get; init; }

    /// <summary>The item as written, with the signals the reply engine finds in it (<see cref="ItemSignals"/>).</summary>
    /// <param name="text">One gratitude item as written.</param>
    public static JournalItem Understand(string text) => From(ItemSignals.Understand(text));

    /// <summary>A day's items after <paramref name="added"/> joins <paramref name="current"/>, each text once.</summary>
    /// <remarks>
    /// Texts are compared ignoring case, runs of white space and closing punctuation ("Tea with Ana." is "tea with  ana"),
    /// so the same gratitude sent in two messages, or twice in one, is kept once and counts once toward five.
    /// </remarks>
    /// <param name="current">The items already stored for the day, in order.</param>
    /// <param name="added">The items being added, in order.</param>
    public static IReadOnlyList<JournalItem> Merge(IEnumerable<JournalItem> current, IEnumerable<JournalItem> added)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(added);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var merged = new List<JournalItem>();
        foreach (var item in current.Concat(added))
        {
            if (seen.Add(Normalised(item.Text)))
            {
                merged.Add(item);
            }
        }

        return merged;
    }

    /// <summary>The journal's copy of an item the reply engine understood.</summary>
    public static JournalItem From(UnderstoodItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new JournalItem(item.Text, item.Social, item.Vague, item.Compersion);
    }

    private static string Normalised(string text) =>
        string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.', '!', '?', ';', ',', '…', ' ');
}
