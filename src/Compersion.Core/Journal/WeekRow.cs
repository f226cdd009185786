namespace Compersion.Core.Journal;

/// <summary>One week on the kindness page.</summary>
/// <param name="Label">"2 Mar – 8 Mar".</param>
/// <param name="Acts">Acts logged that week.</param>
/// <param name="Met">Whether the weekly goal was met.</param>
/// <param name="Current">Whether it is this week (still open).</param>
public sealed record WeekRow(string Label, int Acts, bool Met, bool Current);
