using Compersion.Replies;

namespace Compersion.Core.Journal;

/// <summary>One gratitude, with what was understood about it.</summary>
/// <param name="Text">The item as written.</param>
/// <param name="Social">Mentions a person or relationship.</param>
/// <param name="Vague">Too general to savour ("my family", "health").</param>
/// <param name="Compersion">Joy noticed in someone else.</param>
public sealed record JournalItem(string Text, bool Social = false, bool Vague = false, bool Compersion = false)
{
    /// <summary>The item as written, with the signals the reply engine finds in it (<see cref="ItemSignals"/>).</summary>
    /// <param name="text">One gratitude item as written.</param>
    public static JournalItem Understand(string text) => From(ItemSignals.Understand(text));

    /// <summary>The journal's copy of an item the reply engine understood.</summary>
    public static JournalItem From(UnderstoodItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new JournalItem(item.Text, item.Social, item.Vague, item.Compersion);
    }
}
