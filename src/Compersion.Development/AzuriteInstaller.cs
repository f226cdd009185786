using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Compersion.Development;

/// <summary>Makes sure <c>node_modules/azurite</c> exists, running npm once even when several test projects start together.</summary>
internal static partial class AzuriteInstaller
{
    private const string ReadyMarker = ".compersion-azurite-ready";
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan LockPollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>The Azurite entry script under a repository root.</summary>
    public static string ScriptPath(string root) => Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js");

    public static async Task<string> EnsureInstalledAsync(string root, ILogger logger, CancellationToken cancellationToken)
    {
        var script = ScriptPath(root);
        var ready = Path.Combine(root, "node_modules", ReadyMarker);

        // azurite.js appears while npm is still extracting the rest, so only the marker written after npm finished
        // (under the lock) says another process may start Azurite without waiting.
        if (File.Exists(ready) && File.Exists(script))
        {
            return script;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(InstallTimeout);
        await using (await AcquireLockAsync(LockPath(root), timeout.Token))
        {
            // Another process may have installed while we waited for the lock.
            if (!File.Exists(script))
            {
                var command = File.Exists(Path.Combine(root, "package-lock.json")) ? "ci" : "install";
                LogInstalling(logger, command, root);
                await RunNpmAsync(root, [command, "--no-audit", "--no-fund"], timeout.Token);
            }

            if (File.Exists(script))
            {
                await File.WriteAllTextAsync(ready, "npm finished installing Azurite for Compersion.\n", timeout.Token);
            }
        }

        return File.Exists(script)
            ? script
            : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"npm finished but {script} does not exist."));
    }

    private static string LockPath(string root)
    {
        var rootHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(root))))[..16];
        return Path.Combine(Path.GetTempPath(), $"compersion-npm-{rootHash}.lock");
    }

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive lock across processes (flock on Unix); it is released when the stream closes, even on a crash.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(LockPollInterval, cancellationToken);
            }
        }
    }

    private static async Task RunNpmAsync(string root, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        // npm is a .cmd script on Windows, which only the shell can start.
        var startInfo = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("cmd.exe") { ArgumentList = { "/d", "/c", "npm" } }
            : new ProcessStartInfo("npm");
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.WorkingDirectory = root;
        startInfo.UseShellExecute = false;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.CreateNoWindow = true;

        var output = new OutputTail();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("npm was not found; install Node.js (which includes npm) to run Azurite.", exception);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"npm {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:{Environment.NewLine}{output}"));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Azurite is not installed; running npm {Command} in {Root}")]
    private static partial void LogInstalling(ILogger logger, string command, string root);
}
