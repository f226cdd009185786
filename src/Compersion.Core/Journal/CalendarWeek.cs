namespace Compersion.Core.Journal;

/// <summary>A row of a month in the year calendar: seven squares, Monday first.</summary>
/// <param name="Cells">The seven squares.</param>
public sealed record CalendarWeek(IReadOnlyList<CalendarCell> Cells);
