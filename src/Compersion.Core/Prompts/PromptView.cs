namespace Compersion.Core.Prompts;

/// <summary>What the daily prompt templates show.</summary>
/// <param name="DateLabel">The prompt's date, e.g. <c>Wednesday, 25 November</c>.</param>
/// <param name="ThemeName">The theme of the day.</param>
/// <param name="ThemeNudge">The theme's one-line nudge.</param>
/// <param name="ProgressLine">Progress toward 22 days.</param>
/// <param name="HasMemory">Whether an earlier item is resurfaced.</param>
/// <param name="MemoryLead">The dated lead-in of the memory ("A week ago, on …, you wrote:").</param>
/// <param name="MemoryText">The memory's text, quoted; user text, escaped in HTML.</param>
/// <param name="Signature">The sender name.</param>
internal sealed record PromptView(
    string DateLabel,
    string ThemeName,
    string ThemeNudge,
    string ProgressLine,
    bool HasMemory,
    string MemoryLead,
    string MemoryText,
    string Signature);
