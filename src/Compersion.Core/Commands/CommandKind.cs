namespace Compersion.Core.Commands;

/// <summary>What an email command asks for.</summary>
public enum CommandKind
{
    /// <summary>Looks like a command but is not one we know; answered with <see cref="CommandHelp.HelpText"/>.</summary>
    Unknown = 0,

    /// <summary><c>PAUSE</c>: stop the daily prompts and digests until <c>RESUME</c>, or until a date (<c>PAUSE 2026-12-28</c>, <c>PAUSE 2 WEEKS</c>).</summary>
    Pause,

    /// <summary><c>RESUME</c>: start the daily prompts again.</summary>
    Resume,

    /// <summary><c>STOP</c> (or <c>UNSUBSCRIBE</c>): no more email at all.</summary>
    Stop,

    /// <summary><c>TIME 07:30</c>: the local time of the daily prompt.</summary>
    Time,

    /// <summary><c>ZONE Europe/Berlin</c>: the subscriber's IANA time zone.</summary>
    Zone,

    /// <summary><c>DIGEST SUNDAY 18:00</c>: the weekday and local time of the weekly digest; <c>DIGEST OFF</c> / <c>DIGEST ON</c>: the digest alone off or on.</summary>
    Digest,

    /// <summary><c>GOAL 2</c>: kind acts aimed for each week (0–14).</summary>
    Goal,

    /// <summary><c>EXPORT</c>: mail back everything as JSON and Markdown.</summary>
    Export,

    /// <summary><c>TOKEN</c>: mail a personal token for the entries API.</summary>
    Token,

    /// <summary><c>HELP</c>: mail the list of commands.</summary>
    Help,

    /// <summary><c>SETTINGS</c>: mail a signed link to the settings page.</summary>
    Settings,

    /// <summary><c>JOURNAL</c>: mail a signed link to the journal pages.</summary>
    Journal,

    /// <summary><c>UNDO</c>, as a reply to a receipt: take back everything the reply it answered saved.</summary>
    Undo,

    /// <summary><c>PROMPTS OFF</c> / <c>PROMPTS ON</c>: the daily prompt alone off or on (the digest stays as it is).</summary>
    Prompts,

    /// <summary><c>ADD ADDRESS name@work.example</c>: let another address of theirs write to the journal, once confirmed by the link mailed to it.</summary>
    AddAddress,

    /// <summary><c>REMOVE ADDRESS name@work.example</c>: that further address no longer writes to the journal.</summary>
    RemoveAddress,

    /// <summary><c>CHANGE ADDRESS new@example.org</c>: move every mail to a new address, once confirmed by the link mailed to it (the settings page's change, by mail).</summary>
    ChangeAddress,
}
