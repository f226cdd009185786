namespace Compersion.Core.Journal;

/// <summary>What was written on one earlier date, for "on this day".</summary>
/// <param name="Label">"A week ago", "A month ago", "A year ago".</param>
/// <param name="Iso">The date as links carry it.</param>
/// <param name="Title">"Thursday 5 March 2026".</param>
/// <param name="Items">The gratitudes of that day.</param>
/// <param name="Acts">The kind acts of that day.</param>
/// <param name="Written">Whether anything was written then.</param>
public sealed record LookBack(string Label, string Iso, string Title, IReadOnlyList<string> Items, IReadOnlyList<string> Acts, bool Written);
