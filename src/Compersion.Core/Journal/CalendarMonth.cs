namespace Compersion.Core.Journal;

/// <summary>A month of the year calendar.</summary>
/// <param name="Name">"March".</param>
/// <param name="Weeks">Its rows, Monday first.</param>
/// <param name="DaysWritten">Days with anything written.</param>
public sealed record CalendarMonth(string Name, IReadOnlyList<CalendarWeek> Weeks, int DaysWritten);
