using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Compersion.Development;

/// <summary>A private Azurite (the Azure Storage emulator) running as a child process, for <c>compersion serve</c> and the tests.</summary>
/// <remarks>
/// <para>
/// Azurite comes from the repository's <c>package.json</c> (installed with npm on first use, so a fresh
/// clone needs only the .NET SDK and Node.js). It keeps everything in memory: each instance starts empty
/// and leaves nothing behind.
/// </para>
/// <para>
/// Disposing kills the process tree. Should the parent die without disposing (a killed test host), the
/// emulator notices its standard input closing and exits too, so no orphan keeps the ports.
/// </para>
/// </remarks>
public sealed partial class AzuriteProcess : IAsyncDisposable
{
    /// <summary>The emulator's account name.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The emulator's well-known, public account key.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>The blob port <c>UseDevelopmentStorage=true</c> points at.</summary>
    public const int DevelopmentBlobPort = 10000;

    /// <summary>The queue port <c>UseDevelopmentStorage=true</c> points at.</summary>
    public const int DevelopmentQueuePort = 10001;

    /// <summary>The table port <c>UseDevelopmentStorage=true</c> points at.</summary>
    public const int DevelopmentTablePort = 10002;

    private const string Loopback = "127.0.0.1";
    private const int MaxPortAttempts = 3;
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(10);

    // Loaded before Azurite (node --require): ends the emulator when the parent's end of stdin closes.
    private const string ExitWithParentScript =
        "process.stdin.on('end', () => process.exit(0));\n" +
        "process.stdin.on('error', () => process.exit(0));\n" +
        "process.stdin.resume();\n";

    private readonly Process process;
    private readonly string workspace;
    private readonly OutputTail output;
    private readonly ILogger logger;
    private int disposed;

    private AzuriteProcess(Process process, string workspace, OutputTail output, ILogger logger, (int Blob, int Queue, int Table) ports)
    {
        this.process = process;
        this.workspace = workspace;
        this.output = output;
        this.logger = logger;
        (BlobPort, QueuePort, TablePort) = ports;
    }

    /// <summary>The port the blob service listens on.</summary>
    public int BlobPort { get; }

    /// <summary>The port the queue service listens on.</summary>
    public int QueuePort { get; }

    /// <summary>The port the table service listens on.</summary>
    public int TablePort { get; }

    /// <summary>The emulator's process id.</summary>
    public int ProcessId => process.Id;

    /// <summary>An explicit connection string for this instance, usable as <c>AzureWebJobsStorage</c>.</summary>
    public string ConnectionString => ConnectionStringFor(BlobPort, QueuePort, TablePort);

    /// <summary>
    /// The explicit equivalent of <c>UseDevelopmentStorage=true</c> (the emulator's account on
    /// <see cref="DevelopmentBlobPort"/>, <see cref="DevelopmentQueuePort"/> and <see cref="DevelopmentTablePort"/>),
    /// for code that needs the endpoints spelled out.
    /// </summary>
    public static string DevelopmentConnectionString { get; } =
        ConnectionStringFor(DevelopmentBlobPort, DevelopmentQueuePort, DevelopmentTablePort);

    /// <summary>Installs Azurite if needed, starts it, and waits until its blob, queue and table ports accept connections.</summary>
    /// <param name="options">Ports, timeout and where to find the repository; defaults pick free ports.</param>
    /// <param name="cancellationToken">Cancels the start (the half-started process is killed).</param>
    /// <exception cref="InvalidOperationException">No repository root, npm failed, or Azurite exited early (its output is in the message).</exception>
    /// <exception cref="TimeoutException">The ports did not open within <see cref="AzuriteStartOptions.StartupTimeout"/>.</exception>
    public static async Task<AzuriteProcess> StartAsync(AzuriteStartOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AzuriteStartOptions();
        var logger = options.Logger ?? NullLogger.Instance;
        var root = options.RepositoryRoot ?? RepositoryRoot.Find()
            ?? throw new InvalidOperationException(
                "Could not find the repository root (a folder whose package.json lists azurite) above the application or the current directory.");
        if (!RepositoryRoot.IsRoot(root))
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{root} has no package.json that lists azurite."));
        }

        var script = await AzuriteInstaller.EnsureInstalledAsync(root, logger, cancellationToken);

        var portsGiven = options.BlobPort is not null || options.QueuePort is not null || options.TablePort is not null;
        for (var attempt = 1; ; attempt++)
        {
            var ports = ChoosePorts(options);
            try
            {
                return await LaunchAsync(script, ports, options, logger, cancellationToken);
            }
            catch (AzuriteExitedException exception) when (!portsGiven && attempt < MaxPortAttempts)
            {
                // A free port can be taken by someone else between our probe and Azurite's bind: try fresh ones.
                LogRetryingOnNewPorts(logger, exception.ExitCode);
            }
        }
    }

    /// <summary>Whether a connection string points at the emulator's default endpoints (<c>UseDevelopmentStorage=true</c>).</summary>
    /// <remarks>Those endpoints are <see cref="DevelopmentBlobPort"/>, <see cref="DevelopmentQueuePort"/> and <see cref="DevelopmentTablePort"/> on the loopback address.</remarks>
    public static bool IsDevelopmentStorage(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return false;
        }

        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
            return builder.TryGetValue("UseDevelopmentStorage", out var value)
                && bool.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), out var useDevelopmentStorage)
                && useDevelopmentStorage;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Whether something accepts TCP connections on a loopback port.</summary>
    public static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken = default)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Stops the emulator (and anything it started) and removes its scratch folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await StopAsync(process);
        process.Dispose();
        TryDeleteDirectory(workspace);
        LogStopped(logger, TablePort);
    }

    private static (int Blob, int Queue, int Table) ChoosePorts(AzuriteStartOptions options)
    {
        // Keep every probe listener open until all three are chosen, so the three ports differ.
        var listeners = new List<TcpListener>();
        try
        {
            int Pick(int? given)
            {
                if (given is { } port)
                {
                    return port;
                }

                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
                return ((IPEndPoint)listener.LocalEndpoint).Port;
            }

            return (Pick(options.BlobPort), Pick(options.QueuePort), Pick(options.TablePort));
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Dispose();
            }
        }
    }

    private static async Task<AzuriteProcess> LaunchAsync(
        string script, (int Blob, int Queue, int Table) ports, AzuriteStartOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var workspace = Directory.CreateTempSubdirectory("compersion-azurite-").FullName;
        var exitWithParent = Path.Combine(workspace, "exit-with-parent.js");
        await File.WriteAllTextAsync(exitWithParent, ExitWithParentScript, cancellationToken);

        var startInfo = new ProcessStartInfo(options.NodeExecutable)
        {
            // Azurite writes nothing in memory mode, but anything it might write lands in the scratch folder, not the repository.
            WorkingDirectory = workspace,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        string[] arguments =
        [
            "--require", exitWithParent, script,
            "--blobHost", Loopback, "--blobPort", Port(ports.Blob),
            "--queueHost", Loopback, "--queuePort", Port(ports.Queue),
            "--tableHost", Loopback, "--tablePort", Port(ports.Table),
            "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--silent",
            .. (options.Location is { } location ? new[] { "--location", Path.GetFullPath(location) } : ["--inMemoryPersistence"]),
        ];
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var output = new OutputTail();
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            process.Dispose();
            TryDeleteDirectory(workspace);
            throw new InvalidOperationException("Node.js was not found; install it to run Azurite.", exception);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new AzuriteProcess(process, workspace, output, logger, ports);
        try
        {
            await azurite.WaitUntilListeningAsync(options.StartupTimeout, cancellationToken);
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }

        LogStarted(logger, ports.Blob, ports.Queue, ports.Table);
        return azurite;
    }

    private async Task WaitUntilListeningAsync(TimeSpan startupTimeout, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(startupTimeout);
        try
        {
            while (true)
            {
                if (process.HasExited)
                {
                    await process.WaitForExitAsync(CancellationToken.None);
                    throw new AzuriteExitedException(process.ExitCode, output.ToString());
                }

                if (await IsListeningAsync(BlobPort, timeout.Token)
                    && await IsListeningAsync(QueuePort, timeout.Token)
                    && await IsListeningAsync(TablePort, timeout.Token)
                    && !process.HasExited)
                {
                    return;
                }

                await Task.Delay(PollInterval, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(string.Create(
                CultureInfo.InvariantCulture,
                $"Azurite did not listen on ports {BlobPort}, {QueuePort} and {TablePort} within {startupTimeout.TotalSeconds:0} s. Its output:{Environment.NewLine}{output}"));
        }
    }

    private static async Task StopAsync(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(ExitTimeout);
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception exception) when (exception is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            // Already gone, or refusing to die within the timeout: nothing more a dispose can do.
        }
    }

    private static void TryDeleteDirectory(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A scratch folder in the temp directory; the OS cleans it up eventually.
        }
    }

    private static string ConnectionStringFor(int blobPort, int queuePort, int tablePort) => string.Create(
        CultureInfo.InvariantCulture,
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://{Loopback}:{blobPort}/{AccountName};" +
        $"QueueEndpoint=http://{Loopback}:{queuePort}/{AccountName};" +
        $"TableEndpoint=http://{Loopback}:{tablePort}/{AccountName};");

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Azurite started: blob {BlobPort}, queue {QueuePort}, table {TablePort}")]
    private static partial void LogStarted(ILogger logger, int blobPort, int queuePort, int tablePort);

    [LoggerMessage(Level = LogLevel.Information, Message = "Azurite on table port {TablePort} stopped")]
    private static partial void LogStopped(ILogger logger, int tablePort);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Azurite exited with code {ExitCode} while starting; retrying on other free ports")]
    private static partial void LogRetryingOnNewPorts(ILogger logger, int exitCode);
}
