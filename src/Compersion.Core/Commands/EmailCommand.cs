using Compersion.Core.Subscriptions;

namespace Compersion.Core.Commands;

/// <summary>A command read from the first line of an email, with its arguments checked.</summary>
/// <param name="Kind">What is asked for; <see cref="CommandKind.Unknown"/> for a command-like line we don't know.</param>
/// <param name="Word">The command word as written, in upper case ("PAUSE", "UNSUBSCRIBE", "SNOOZE").</param>
/// <param name="Argument">Everything after the command word, trimmed; <see langword="null"/> when nothing follows.</param>
/// <param name="Time">For <see cref="CommandKind.Time"/> and <see cref="CommandKind.Digest"/>: the local time.</param>
/// <param name="Day">For <see cref="CommandKind.Digest"/>: the weekday.</param>
/// <param name="Number">For <see cref="CommandKind.Goal"/>: kind acts per week, 0–14.</param>
/// <param name="Zone">For <see cref="CommandKind.Zone"/>: the IANA zone id, canonically cased ("Europe/Berlin").</param>
/// <param name="Until">For <see cref="CommandKind.Pause"/>: when the pause ends (<c>PAUSE 2026-12-28</c>, <c>PAUSE 2 WEEKS</c>); null for a pause until <c>RESUME</c>.</param>
/// <param name="On">For <see cref="CommandKind.Prompts"/> and <see cref="CommandKind.Digest"/>: <c>ON</c> or <c>OFF</c>; null for a digest's day and time.</param>
/// <param name="Error">
/// When the command is known but its argument is not usable: one friendly sentence saying how to
/// write it, ready to mail back. <see langword="null"/> when the command is valid.
/// </param>
public sealed record EmailCommand(
    CommandKind Kind,
    string Word,
    string? Argument = null,
    LocalTime? Time = null,
    IsoDayOfWeek? Day = null,
    int? Number = null,
    string? Zone = null,
    string? Error = null,
    PauseEnd? Until = null,
    bool? On = null)
{
    /// <summary>Whether the command can be carried out as written.</summary>
    public bool IsValid => Error is null && Kind != CommandKind.Unknown;
}
