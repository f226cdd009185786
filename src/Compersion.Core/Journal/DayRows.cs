using Compersion.Core.Kindness;

namespace Compersion.Core.Journal;

/// <summary>What is stored for one date: its gratitudes and its kind acts, as a correction reads and rewrites them.</summary>
/// <param name="Items">The gratitudes, in order.</param>
/// <param name="Acts">The kind acts, in order.</param>
public sealed record DayRows(IReadOnlyList<JournalItem> Items, IReadOnlyList<KindAct> Acts)
{
    /// <summary>The sources (<see cref="JournalItem.Source"/>) of items the subscriber corrected on this date: a replay leaves what those messages wrote as it is.</summary>
    public IReadOnlyList<string> Corrected { get; init; } = [];

    /// <summary>The append keys the date's rows remember (read only): a message that wrote here, even if none of its items remain.</summary>
    public IReadOnlyList<string> Appended { get; init; } = [];

    /// <summary>Whether a gratitude or an act on this date was written by <paramref name="source"/> and is still as it wrote it.</summary>
    public bool Holds(string source) =>
        Items.Any(item => item.Source == source) || Acts.Any(act => act.Source == source);

    /// <summary>The gratitudes and acts <paramref name="source"/> wrote here, as the addition it made.</summary>
    public JournalAddition WrittenBy(string source) =>
        new([.. Items.Where(item => item.Source == source)], [.. Acts.Where(act => act.Source == source)]);

    /// <summary>
    /// The date with what <paramref name="source"/> wrote replaced by <paramref name="addition"/> (empty: removed), at the
    /// place its first item had; a new gratitude the date already holds from elsewhere is not added twice.
    /// </summary>
    /// <remarks>Everything else — other messages' items, the subscriber's own edits — stays exactly as it is.</remarks>
    public DayRows Replacing(string source, JournalAddition addition)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentNullException.ThrowIfNull(addition);
        var sourced = addition.From(source);
        var items = Items.Where(item => item.Source != source).ToList();
        var newItems = JournalItem.Merge(items, sourced.Items).Skip(items.Count);
        items.InsertRange(PlaceOf(Items, item => item.Source == source), newItems);
        var acts = Acts.Where(act => act.Source != source).ToList();
        acts.InsertRange(PlaceOf(Acts, act => act.Source == source), sourced.Acts);
        return this with { Items = items, Acts = acts };
    }

    // Where the source's first entry sits among the others (the end when it has none).
    private static int PlaceOf<T>(IReadOnlyList<T> values, Func<T, bool> isSource)
    {
        var before = 0;
        foreach (var value in values)
        {
            if (isSource(value))
            {
                return before;
            }

            before++;
        }

        return before;
    }
}
