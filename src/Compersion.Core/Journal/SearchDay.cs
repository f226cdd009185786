namespace Compersion.Core.Journal;

/// <summary>The matches of one day.</summary>
/// <param name="Iso">The date as links carry it.</param>
/// <param name="Title">"Thursday 5 March 2026".</param>
/// <param name="Hits">What matched that day, gratitudes first.</param>
public sealed record SearchDay(string Iso, string Title, IReadOnlyList<SearchHit> Hits);
