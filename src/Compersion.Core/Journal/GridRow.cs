namespace Compersion.Core.Journal;

/// <summary>A recipient's row of the kindness grid.</summary>
/// <param name="Recipient">"neighbour".</param>
/// <param name="Cells">Acts for them per category, in <see cref="KindnessView.Categories"/> order.</param>
/// <param name="Total">All acts for them.</param>
public sealed record GridRow(string Recipient, IReadOnlyList<int> Cells, int Total);
