namespace Compersion.Replies;

/// <summary>One reason an item got a signal: the rule that fired and the words it matched.</summary>
/// <param name="Signal">The signal the rule gives.</param>
/// <param name="Rule">
/// The rule, in words (listed in <c>docs/signals.md</c>): for Social "relationship", "pronoun",
/// "name", "capitalised name", "name before verb", "title"; for Vague "generic phrase"; for
/// Compersion "joy verb", "joyful state", "good news", "good time", "their joy", "happy for", "compersion".
/// </param>
/// <param name="Words">The words of the item the rule matched, as written.</param>
public sealed record SignalMatch(ItemSignal Signal, string Rule, IReadOnlyList<string> Words)
{
    /// <summary>A one-line explanation, e.g. <c>Social (relationship): boyfriend</c>.</summary>
    public override string ToString() => $"{Signal} ({Rule}): {string.Join(' ', Words)}";
}
