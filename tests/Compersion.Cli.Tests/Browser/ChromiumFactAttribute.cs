namespace Compersion.Cli.Tests.Browser;

/// <summary>A test that drives Debian's Chromium; carries the trait <c>Requires=Chromium</c>.</summary>
/// <remarks>
/// Chromium "can be had" when <see cref="ChromiumInstaller.ExecutablePath"/> exists or apt-get can install it (Linux,
/// as root). Where it cannot (a contributor's Mac, a machine without root), the test is skipped with the reason, so
/// the rest of the suite still runs: <c>dotnet test --filter "Requires!=Chromium"</c> leaves them out explicitly. In CI
/// (<c>CI</c> set) it is never skipped: the fixture installs Chromium or fails loudly.
/// </remarks>
[Xunit.Sdk.XunitTestCaseDiscoverer("Xunit.Sdk.FactDiscoverer", "xunit.execution.{Platform}")]
[Xunit.Sdk.TraitDiscoverer("Compersion.Cli.Tests.Browser.RequiresChromiumDiscoverer", "Compersion.Cli.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute, Xunit.Sdk.ITraitAttribute
{
    /// <summary>Skips with the reason where Chromium cannot be had outside CI.</summary>
    public ChromiumFactAttribute()
    {
        if (Skip is null && RequiredTool.SkipReason(ChromiumCanBeHad(), "Debian's Chromium (/usr/bin/chromium, or apt-get as root to install it)") is { } reason)
        {
            Skip = reason;
        }
    }

    private static bool ChromiumCanBeHad() =>
        File.Exists(ChromiumInstaller.ExecutablePath)
        || (OperatingSystem.IsLinux() && File.Exists("/usr/bin/apt-get") && Environment.UserName == "root");
}
