namespace Compersion.Cli.Hosting;

/// <summary>How to run the local Functions stand-in.</summary>
internal sealed record LocalHostOptions
{
    /// <summary>The HTTP port on 127.0.0.1 (0 picks a free one).</summary>
    public int Port { get; init; } = 7071;

    /// <summary>Folder for local secrets and the default outbox; defaults to <c>.compersion</c> in the current directory.</summary>
    public string? StateDirectory { get; init; }

    /// <summary>Outbox (pickup) folder override.</summary>
    public string? OutboxDirectory { get; init; }

    /// <summary>The clock; <see cref="TimeProvider.System"/> unless a demo or test runs a virtual one.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Whether timers fire on their schedules (off when a caller drives them, as the demo does).</summary>
    public bool RunTimers { get; init; } = true;

    /// <summary>Whether queues are polled in the background (off when a caller drains them).</summary>
    public bool PollQueues { get; init; } = true;

    /// <summary>Extra configuration values, applied last (tests use it).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Where log lines go; null for the console at Information.</summary>
    public bool QuietLogs { get; init; }
}
