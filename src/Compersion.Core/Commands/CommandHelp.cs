using Compersion.Core.Mail;

namespace Compersion.Core.Commands;

/// <summary>The commands HELP lists, each with an example, and the "here's how to write it" answers.</summary>
public static class CommandHelp
{
    /// <summary>Every command, with an example and what it does, in the order HELP lists them.</summary>
    public static IReadOnlyList<NoteTerm> Commands { get; } =
    [
        new("PAUSE", "take a break from the daily emails; PAUSE 2 WEEKS or PAUSE 2026-12-28 ends by itself"),
        new("RESUME", "start them again, whenever you're ready"),
        new("STOP", "stop all emails (unsubscribe)"),
        new("TIME 07:30", "get your daily prompt at another time (TIME 7:30 pm works too)"),
        new("ZONE Europe/Berlin", "set your time zone (or name a city in it: ZONE New York)"),
        new("DIGEST SUNDAY 18:00", "choose the day and time of your weekly digest"),
        new("DIGEST OFF", "no weekly digest; the daily prompt still comes (DIGEST ON to undo)"),
        new("PROMPTS OFF", "no daily prompt; the weekly digest still comes (PROMPTS ON to undo)"),
        new("GOAL 2", "how many secret kind acts you'd like to aim for each week (0 to 14)"),
        new("EXPORT", "get everything you've written, as JSON and Markdown"),
        new("TOKEN", "get a personal key for the entries API"),
        new("SETTINGS", "get a private link to your settings page"),
        new("JOURNAL", "get a private link to read and search your journal"),
        new("UNDO", "as a reply to a note that lists what a reply saved, within a day: take that reply back"),
        new("ADD ADDRESS name@work.example", "let another address of yours write to your journal (we mail it a link to confirm)"),
        new("REMOVE ADDRESS name@work.example", "that address can't write to your journal any more"),
        new("CHANGE ADDRESS new@example.org", "have your emails come to a new address (we mail it a link to confirm; this address can undo it for 7 days)"),
        new("HELP", "get this list again"),
    ];

    /// <summary>The HELP email's body as blocks (its words are in <c>Mail/Notes/help.liquid</c>): the intro, the commands as a list, the outro.</summary>
    public static IReadOnlyList<NoteBlock> Blocks { get; } = NoteTemplates.Render("help", ("unknown", false), ("commands", Commands)).Blocks;

    /// <summary>The HELP body as plain text: one line per command with its example (<c>PAUSE - take a break …</c>).</summary>
    public static string HelpText { get; } = string.Join(
        '\n',
        Blocks.SelectMany(block => block.Kind == "terms"
            ? [string.Empty, .. block.Terms.Select(command => $"{command.Term} - {command.Meaning}"), string.Empty]
            : new[] { block.Text }));

    /// <summary>How to write a command that takes an argument, as one friendly sentence.</summary>
    /// <returns>The sentence, or <see langword="null"/> for commands that take none.</returns>
    public static string? Usage(CommandKind kind) => kind switch
    {
        CommandKind.Time => "To change when your daily prompt arrives, write TIME and the time on the first line, like TIME 07:30, TIME 20:00 or TIME 8 pm.",
        CommandKind.Zone => "To set your time zone, write ZONE and its name or a city in it on the first line, like ZONE Europe/Berlin or ZONE New York.",
        CommandKind.Digest => "To move your weekly digest, write DIGEST, a weekday and a time on the first line, like DIGEST SUNDAY 18:00 or DIGEST SUNDAY 6 pm; DIGEST OFF turns it off, DIGEST ON back on.",
        CommandKind.Prompts => "To turn your daily prompt off or on, write PROMPTS and OFF or ON on the first line, like PROMPTS OFF. Your weekly digest stays as it is.",
        CommandKind.Pause => "To pause until a date, write PAUSE and the date on the first line, like PAUSE 2026-12-28, or a length, like PAUSE 2 WEEKS. PAUSE alone pauses until you write RESUME.",
        CommandKind.Goal => "To set your weekly kindness goal, write GOAL and a number from 0 to 14 on the first line, like GOAL 2.",
        CommandKind.AddAddress => "To let another address of yours write to your journal, write ADD ADDRESS and the address on the first line, like ADD ADDRESS name@work.example.",
        CommandKind.RemoveAddress => "To stop another address writing to your journal, write REMOVE ADDRESS and the address on the first line, like REMOVE ADDRESS name@work.example.",
        CommandKind.ChangeAddress => "To have your emails come to a new address, write CHANGE ADDRESS and the new address on the first line, like CHANGE ADDRESS new@example.org.",
        _ => null,
    };
}
