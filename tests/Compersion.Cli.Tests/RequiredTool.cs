namespace Compersion.Cli.Tests;

/// <summary>When a test that needs a machine-specific tool may be skipped: only outside CI, and only where the tool cannot be had.</summary>
internal static class RequiredTool
{
    /// <summary>Whether this run is CI's (the <c>CI</c> variable is set, as every CI service sets it).</summary>
    public static bool InCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>The skip reason, or null when the test must run (the tool is there, or this is CI).</summary>
    public static string? SkipReason(bool canBeHad, string tool) =>
        canBeHad || InCi ? null : $"Needs {tool}, which this machine cannot provide; CI always runs it.";
}
