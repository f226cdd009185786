using Compersion.Core.Kindness;

namespace Compersion.Core.Journal;

/// <summary>What one reply, API post or imported day adds to a journal date: gratitudes with their signals, kind acts classified.</summary>
/// <param name="Items">The gratitudes, each understood by <see cref="JournalItem.Understand"/>.</param>
/// <param name="Acts">The kind acts, each classified by <see cref="ActClassifier"/> (category and recipient).</param>
public sealed record JournalAddition(IReadOnlyList<JournalItem> Items, IReadOnlyList<KindAct> Acts)
{
    /// <summary>Nothing to add.</summary>
    public static JournalAddition Empty { get; } = new([], []);

    /// <summary>Whether it adds neither a gratitude nor an act.</summary>
    public bool IsEmpty => Items.Count == 0 && Acts.Count == 0;

    /// <summary>The same gratitudes and acts, each remembering the message (or post, or imported day) that wrote it.</summary>
    /// <param name="source">The writer's append key (<see cref="JournalItem.Source"/>).</param>
    public JournalAddition From(string source) =>
        new([.. Items.Select(item => item with { Source = source })], [.. Acts.Select(act => act with { Source = source })]);
}
