using System.Diagnostics;
using System.Text;

namespace Compersion.Cli.Tests.Browser;

/// <summary>
/// Makes sure Debian's Chromium is at <see cref="ExecutablePath"/>, installing it with apt when it is missing, once
/// even when several test processes start together (a file lock, as the Azurite installer does for npm).
/// </summary>
/// <remarks>
/// The README's one test command must pass on a fresh clone with only the .NET SDK and Node.js, so the browser comes
/// from the machine's package manager here rather than from a separate CI step. Playwright never downloads a browser:
/// it drives this one. When the install is impossible the tests fail loudly with apt's output; they never skip.
/// </remarks>
internal static class ChromiumInstaller
{
    /// <summary>Debian's Chromium.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(20);
    private static readonly string LockPath = Path.Combine(Path.GetTempPath(), "compersion-chromium-apt.lock");

    public static async Task EnsureInstalledAsync(Action<string> log)
    {
        if (File.Exists(ExecutablePath))
        {
            return;
        }

        using var timeout = new CancellationTokenSource(InstallTimeout);
        await using (await AcquireLockAsync(timeout.Token))
        {
            if (File.Exists(ExecutablePath))
            {
                return;
            }

            if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/apt-get"))
            {
                throw new InvalidOperationException($"Chromium is not at {ExecutablePath} and there is no apt-get to install it. Install Debian's chromium package, then run the tests again.");
            }

            log($"Chromium is not installed; installing Debian's chromium with apt-get (once, under {LockPath}).");
            await RunAsync(["-o", "DPkg::Lock::Timeout=600", "update"], timeout.Token);
            await RunAsync(["-o", "DPkg::Lock::Timeout=600", "install", "-y", "--no-install-recommends", "chromium"], timeout.Token);
        }

        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"apt-get installed chromium but {ExecutablePath} does not exist.");
        }
    }

    private static async Task<FileStream> AcquireLockAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive lock across processes (flock), released when the stream closes, even on a crash.
                return new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }

    private static async Task RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("/usr/bin/apt-get")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"apt-get {string.Join(' ', arguments)} did not finish within {InstallTimeout.TotalMinutes} minutes:\n{Tail(output)}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"apt-get {string.Join(' ', arguments)} failed with exit code {process.ExitCode} (installing Chromium needs root and Debian's package registry):\n{Tail(output)}");
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Tail(StringBuilder output)
    {
        lock (output)
        {
            var text = output.ToString();
            return text.Length <= 4000 ? text : text[^4000..];
        }
    }
}
