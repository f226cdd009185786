namespace Compersion.Benchmarks;

/// <summary>Runs a load scenario under a time limit, so a stuck run ends with a line saying so rather than hanging.</summary>
internal static class ScenarioLimit
{
    /// <summary>Runs <paramref name="phases"/>; past <paramref name="limit"/> it is cancelled, reported, and exits 1.</summary>
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
    }
}
