namespace Compersion.Core.Journal;

/// <summary>One square of a month in the year calendar.</summary>
/// <param name="Day">The day of the month; 0 for a blank square before the 1st or after the last day.</param>
/// <param name="Iso">The date as links carry it (<c>2026-03-05</c>); empty for a blank.</param>
/// <param name="Label">What the day holds, in words, for screen readers and tooltips ("5 March: 5 gratitudes, with a person, 1 kind act, 2 photos, in your run toward 22").</param>
/// <param name="Written">Whether anything was written or kept that day (the square links to the day).</param>
/// <param name="Five">Five or more gratitudes.</param>
/// <param name="Person">A gratitude mentions a person.</param>
/// <param name="Act">A kind act was logged.</param>
/// <param name="Photo">A photo from a reply is kept with the day.</param>
/// <param name="InRun">Part of the current run toward 22 (days with five, one about a person: <see cref="AdherenceProgress"/>).</param>
/// <param name="Today">The subscriber's today.</param>
public sealed record CalendarCell(int Day, string Iso, string Label, bool Written, bool Five, bool Person, bool Act, bool Photo, bool InRun, bool Today)
{
    /// <summary>The label after the day's number (" March: 5 gratitudes, …"), so a square can show the number once and still be read whole.</summary>
    public string LabelAfterDay => Day > 0 && Label.StartsWith(Day.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        ? Label[Day.ToString(System.Globalization.CultureInfo.InvariantCulture).Length..]
        : Label;

    /// <summary>Whether the square carries any mark (else it needs no class).</summary>
    public bool Marked => Five || Person || Act || Photo || InRun || Today;
}
