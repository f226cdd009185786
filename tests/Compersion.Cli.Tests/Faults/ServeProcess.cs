using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Compersion.Cli.Tests.Faults;

/// <summary><c>compersion serve</c> as a child process (the built <c>compersion.dll</c> beside the tests), so a test can kill it as a crash would.</summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process process;
    private readonly ConcurrentQueue<string> lines;

    private ServeProcess(Process process, ConcurrentQueue<string> lines, string baseUrl)
    {
        this.process = process;
        this.lines = lines;
        BaseUrl = baseUrl;
    }

    /// <summary>The host's root URL.</summary>
    public string BaseUrl { get; }

    /// <summary>Starts serve on a free port with <paramref name="environment"/> (settings as environment variables) and waits until it answers HTTP.</summary>
    /// <param name="environment">Settings, named as in Azure (<c>SendGrid__Host</c>).</param>
    /// <param name="state">The state folder (secrets, default outbox).</param>
    /// <param name="log">Receives every line the process writes, across restarts.</param>
    public static async Task<ServeProcess> StartAsync(IReadOnlyDictionary<string, string> environment, string state, ConcurrentQueue<string> log)
    {
        var port = FreePort();
        Directory.CreateDirectory(state);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = state,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "compersion.dll"), "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--state", state })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Add(log, e.Data);
        process.ErrorDataReceived += (_, e) => Add(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var serve = new ServeProcess(process, log, $"http://127.0.0.1:{port}");
        try
        {
            await serve.WaitUntilAnsweringAsync();
        }
        catch
        {
            await serve.DisposeAsync();
            throw;
        }

        return serve;
    }

    /// <summary>SIGKILL: no shutdown code runs, as when a host dies.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
        }

        process.Dispose();
    }

    private static void Add(ConcurrentQueue<string> log, string? line)
    {
        if (line is not null)
        {
            log.Enqueue(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"serve exited with {process.ExitCode}:{Environment.NewLine}{string.Join(Environment.NewLine, lines.TakeLast(40))}");
            }

            try
            {
                using var response = await http.GetAsync("/api/signup");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"serve did not answer within {StartTimeout.TotalSeconds} s:{Environment.NewLine}{string.Join(Environment.NewLine, lines.TakeLast(40))}");
    }
}
