namespace Compersion.Core.Commands;

/// <summary>The words of the HELP email and of the "here's how to write it" answers.</summary>
public static class CommandHelp
{
    /// <summary>The HELP email body: warm, short, one line per command with an example.</summary>
    public static string HelpText { get; } = string.Join(
        '\n',
        "You can change how Compersion works just by replying. Put one of these on the first line:",
        string.Empty,
        "PAUSE - take a break from the daily emails",
        "RESUME - start them again, whenever you're ready",
        "STOP - stop all emails (unsubscribe)",
        "TIME 07:30 - get your daily prompt at another time (24-hour clock)",
        "ZONE Europe/Berlin - set your time zone",
        "DIGEST SUNDAY 18:00 - choose the day and time of your weekly digest",
        "GOAL 2 - how many secret kind acts you'd like to aim for each week (0 to 14)",
        "EXPORT - get everything you've written, as JSON and Markdown",
        "TOKEN - get a personal key for the entries API",
        "SETTINGS - get a private link to your settings page",
        "JOURNAL - get a private link to read and search your journal",
        "HELP - get this list again",
        string.Empty,
        "Anything else you write is saved to your journal, as always. A line that starts with",
        "\"kindness:\" is kept as a kind act, just for you.",
        string.Empty,
        "Be kind to yourself.");

    /// <summary>How to write a command that takes an argument, as one friendly sentence.</summary>
    /// <returns>The sentence, or <see langword="null"/> for commands that take none.</returns>
    public static string? Usage(CommandKind kind) => kind switch
    {
        CommandKind.Time => "To change when your daily prompt arrives, write TIME and a 24-hour time on the first line, like TIME 07:30 or TIME 20:00.",
        CommandKind.Zone => "To set your time zone, write ZONE and its name on the first line, like ZONE Europe/Berlin or ZONE America/New_York.",
        CommandKind.Digest => "To move your weekly digest, write DIGEST, a weekday and a 24-hour time on the first line, like DIGEST SUNDAY 18:00.",
        CommandKind.Goal => "To set your weekly kindness goal, write GOAL and a number from 0 to 14 on the first line, like GOAL 2.",
        _ => null,
    };
}
