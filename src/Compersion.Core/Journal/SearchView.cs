namespace Compersion.Core.Journal;

/// <summary>Search results over every gratitude and kind act, newest day first.</summary>
/// <param name="Query">What was searched for, as typed (trimmed).</param>
/// <param name="Summary">The result in words ("Sam: 12 matches on 9 days"), or what to type.</param>
/// <param name="Days">The days with matches, newest first (at most <see cref="JournalViews.MaxSearchDays"/>).</param>
public sealed record SearchView(string Query, string Summary, IReadOnlyList<SearchDay> Days);
