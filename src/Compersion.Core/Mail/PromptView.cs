namespace Compersion.Core.Mail;

/// <summary>What the daily prompt templates show.</summary>
/// <param name="DateLabel">The prompt's date, e.g. <c>Wednesday, 25 November</c>.</param>
/// <param name="ThemeName">The theme of the day.</param>
/// <param name="ThemeNudge">The theme's one-line nudge.</param>
/// <param name="Guidance">The day's phrasing of how to write the five (<see cref="Prompts.Guidance"/>).</param>
/// <param name="ProgressLine">Progress toward 22 days.</param>
/// <param name="DotsDone">One filled dot per day of the run (at most 22), for the HTML row of dots.</param>
/// <param name="DotsToGo">One open dot per day still to go.</param>
/// <param name="DotsLabel">What the row of dots says, for screen readers ("5 of 22 days").</param>
/// <param name="HasMemory">Whether an earlier item is resurfaced.</param>
/// <param name="MemoryLead">The dated lead-in of the memory ("A week ago, on …, you wrote:").</param>
/// <param name="MemoryText">The memory's text, quoted; user text, escaped in HTML.</param>
/// <param name="Signature">The sender name.</param>
internal sealed record PromptView(
    string DateLabel,
    string ThemeName,
    string ThemeNudge,
    string Guidance,
    string ProgressLine,
    string DotsDone,
    string DotsToGo,
    string DotsLabel,
    bool HasMemory,
    string MemoryLead,
    string MemoryText,
    string Signature);
