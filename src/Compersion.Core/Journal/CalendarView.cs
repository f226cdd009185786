namespace Compersion.Core.Journal;

/// <summary>The year calendar: each day marked by what it holds, and the run toward 22.</summary>
/// <param name="Year">The year shown.</param>
/// <param name="PreviousYear">The year before, when it holds writing; 0 otherwise.</param>
/// <param name="NextYear">The year after, when it is not in the future; 0 otherwise.</param>
/// <param name="Run">Days in a row with five gratitudes, one about a person, ending today or yesterday (the squares marked <see cref="CalendarCell.InRun"/>).</param>
/// <param name="RunLine">The run in words, kindly (never a broken-streak alarm).</param>
/// <param name="Summary">The year in words ("112 days written, 80 with five, 95 with a person, 14 kind acts").</param>
/// <param name="Months">January to December.</param>
public sealed record CalendarView(int Year, int PreviousYear, int NextYear, int Run, string RunLine, string Summary, IReadOnlyList<CalendarMonth> Months);
