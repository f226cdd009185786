namespace Compersion.Core.Journal;

/// <summary>The last twelve weeks of kind acts: the category × recipient grid, and each week against the goal.</summary>
/// <param name="Goal">Acts a week aimed for.</param>
/// <param name="Summary">The twelve weeks in words, kindly.</param>
/// <param name="Categories">The grid's columns.</param>
/// <param name="Rows">The grid's rows: every recipient acts went to, in the catalog's order.</param>
/// <param name="Unclassified">Acts whose category or recipient is not known (not in the grid).</param>
/// <param name="Weeks">The twelve weeks, newest first.</param>
public sealed record KindnessView(int Goal, string Summary, IReadOnlyList<string> Categories, IReadOnlyList<GridRow> Rows, int Unclassified, IReadOnlyList<WeekRow> Weeks);
