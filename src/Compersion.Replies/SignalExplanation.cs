namespace Compersion.Replies;

/// <summary>An item with its signals and the reasons for each.</summary>
/// <param name="Item">The item with its signals set.</param>
/// <param name="Matches">Every rule that fired, in the order found; empty when no signal applies.</param>
public sealed record SignalExplanation(UnderstoodItem Item, IReadOnlyList<SignalMatch> Matches)
{
    /// <summary>The words that named people: relationships, names, titles and pronouns, as written.</summary>
    public IEnumerable<string> People =>
        Matches.Where(match => match.Signal == ItemSignal.Social).Select(match => string.Join(' ', match.Words));

    /// <summary>One line per match, or "no signals".</summary>
    public override string ToString() =>
        Matches.Count == 0 ? "no signals" : string.Join(Environment.NewLine, Matches);
}
