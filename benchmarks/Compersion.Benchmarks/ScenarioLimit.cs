namespace Compersion.Benchmarks;

/// <summary>Runs a load scenario under a time limit, so a stuck run ends with a line saying so rather than hanging, and a failed one with its reason.</summary>
internal static class ScenarioLimit
{
    /// <summary>Runs <paramref name="phases"/>; past <paramref name="limit"/> it is cancelled, reported, and exits 1; any other failure is printed and exits 1.</summary>
    /// <remarks>
    /// System.CommandLine prints an exception that escapes a command, except an <see cref="OperationCanceledException"/>:
    /// that one it takes for Ctrl+C and exits 1 without a word. An <see cref="HttpClient"/> timeout is such an exception,
    /// so every failure is written here, before the command line sees it.
    /// </remarks>
    public static async Task<int> RunAsync(TimeSpan limit, TextWriter output, Func<CancellationToken, Task<int>> phases, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(phases);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            return await phases(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await output.WriteLineAsync($"The run did not finish within {limit.TotalMinutes} minutes.");
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await output.WriteLineAsync("The run was cancelled.");
            return 1;
        }
        catch (Exception exception)
        {
            await output.WriteLineAsync($"The run failed: {exception}");
            return 1;
        }
    }
}
