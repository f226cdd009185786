using System.Diagnostics;

namespace Compersion.Functions.Tests.Deployment;

/// <summary>Runs the Bicep CLI from the NuGet package; nothing is downloaded.</summary>
internal static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private static readonly Lock ExecutableLock = new();

    /// <summary>Runs <c>bicep</c> with the arguments and waits for it.</summary>
    public static async Task<BicepRun> RunAsync(params string[] arguments)
    {
        EnsureExecutable();
        var start = new ProcessStartInfo(Repository.BicepPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start.");
        using var timeout = new CancellationTokenSource(Timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return new BicepRun(process.ExitCode, await stdout, await stderr);
    }

    // NuGet extracts package files with the mode its archive library picks; a missing execute bit is put back once.
    private static void EnsureExecutable()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        lock (ExecutableLock)
        {
            var mode = File.GetUnixFileMode(Repository.BicepPath);
            if (!mode.HasFlag(UnixFileMode.UserExecute))
            {
                File.SetUnixFileMode(Repository.BicepPath, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }
        }
    }
}

/// <summary>The outcome of one <c>bicep</c> run.</summary>
internal sealed record BicepRun(int ExitCode, string Stdout, string Stderr);
