namespace Compersion.Core.Journal;

/// <summary>One day's page: its gratitudes with their signals, its kind acts, and the days around it.</summary>
/// <param name="Iso">The date as links carry it.</param>
/// <param name="Title">"Thursday 5 March 2026".</param>
/// <param name="Summary">What the day holds, in words; a kind line when it holds nothing.</param>
/// <param name="Items">The gratitudes.</param>
/// <param name="Acts">The kind acts.</param>
/// <param name="PreviousIso">The nearest earlier day with writing; empty when none.</param>
/// <param name="NextIso">The nearest later day with writing; empty when none.</param>
public sealed record DayView(string Iso, string Title, string Summary, IReadOnlyList<DayItemView> Items, IReadOnlyList<DayActView> Acts, string PreviousIso, string NextIso);
