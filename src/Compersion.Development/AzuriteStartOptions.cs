using Microsoft.Extensions.Logging;

namespace Compersion.Development;

/// <summary>How <see cref="AzuriteProcess.StartAsync"/> starts the emulator.</summary>
public sealed record AzuriteStartOptions
{
    /// <summary>The blob port; a free one is picked when null.</summary>
    public int? BlobPort { get; init; }

    /// <summary>The queue port; a free one is picked when null.</summary>
    public int? QueuePort { get; init; }

    /// <summary>The table port; a free one is picked when null.</summary>
    public int? TablePort { get; init; }

    /// <summary>How long to wait for all three services to accept connections.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The folder whose <c>package.json</c> pins Azurite; found by walking up from the app and the current directory when null.</summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>A folder to keep the data in, so a stopped emulator started again on the same ports finds it; in memory when null.</summary>
    /// <remarks>
    /// Azurite saves its tables and queues every 5 s, and when SIGINT or SIGTERM makes it stop listening; a killed
    /// emulator loses the last seconds, which real storage never does. The fault suite stops it with SIGTERM, waits for
    /// the ports to close, then ends the process (it stays alive while its stdin, the exit-with-parent watch, is open).
    /// </remarks>
    public string? Location { get; init; }

    /// <summary>The Node.js executable.</summary>
    public string NodeExecutable { get; init; } = "node";

    /// <summary>Where progress (installing, started, stopped) is reported; nothing is logged when null.</summary>
    public ILogger? Logger { get; init; }

    /// <summary>The well-known ports of <c>UseDevelopmentStorage=true</c> (10000, 10001, 10002).</summary>
    public static AzuriteStartOptions DevelopmentStorage { get; } = new()
    {
        BlobPort = AzuriteProcess.DevelopmentBlobPort,
        QueuePort = AzuriteProcess.DevelopmentQueuePort,
        TablePort = AzuriteProcess.DevelopmentTablePort,
    };
}
