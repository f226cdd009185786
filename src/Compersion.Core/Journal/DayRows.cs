using Compersion.Core.Kindness;

namespace Compersion.Core.Journal;

/// <summary>What is stored for one date: its gratitudes and its kind acts, as a correction reads and rewrites them.</summary>
/// <param name="Items">The gratitudes, in order.</param>
/// <param name="Acts">The kind acts, in order.</param>
public sealed record DayRows(IReadOnlyList<JournalItem> Items, IReadOnlyList<KindAct> Acts);
