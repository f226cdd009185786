namespace Compersion.Functions.Tests.Deployment;

/// <summary>A test that runs the Bicep CLI from the <c>Azure.Bicep.CommandLine.linux-x64</c> package; trait <c>Requires=Bicep</c>.</summary>
/// <remarks>
/// The package holds a linux-x64 binary only. Elsewhere (a contributor's Mac or an Arm machine) the test is skipped
/// with the reason, unless this is CI (<c>CI</c> set), which always runs it; <c>--filter "Requires!=Bicep"</c> leaves
/// them out explicitly.
/// </remarks>
[Xunit.Sdk.XunitTestCaseDiscoverer("Xunit.Sdk.FactDiscoverer", "xunit.execution.{Platform}")]
[Xunit.Sdk.TraitDiscoverer("Compersion.Functions.Tests.Deployment.RequiresBicepDiscoverer", "Compersion.Functions.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class BicepFactAttribute : FactAttribute, Xunit.Sdk.ITraitAttribute
{
    /// <summary>Skips with the reason where the linux-x64 Bicep CLI cannot run, outside CI.</summary>
    public BicepFactAttribute() => Skip ??= BicepAvailability.SkipReason;
}

/// <summary>The data-driven form of <see cref="BicepFactAttribute"/>.</summary>
[Xunit.Sdk.XunitTestCaseDiscoverer("Xunit.Sdk.TheoryDiscoverer", "xunit.execution.{Platform}")]
[Xunit.Sdk.TraitDiscoverer("Compersion.Functions.Tests.Deployment.RequiresBicepDiscoverer", "Compersion.Functions.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class BicepTheoryAttribute : TheoryAttribute, Xunit.Sdk.ITraitAttribute
{
    /// <summary>Skips with the reason where the linux-x64 Bicep CLI cannot run, outside CI.</summary>
    public BicepTheoryAttribute() => Skip ??= BicepAvailability.SkipReason;
}

/// <summary>Gives Bicep tests the trait <c>Requires=Bicep</c>.</summary>
public sealed class RequiresBicepDiscoverer : Xunit.Sdk.ITraitDiscoverer
{
    /// <inheritdoc />
    public IEnumerable<KeyValuePair<string, string>> GetTraits(Xunit.Abstractions.IAttributeInfo traitAttribute) => [new("Requires", "Bicep")];
}

/// <summary>Whether the packaged Bicep CLI can run here.</summary>
internal static class BicepAvailability
{
    /// <summary>Null where the tests must run (linux-x64, or CI); else why they are skipped.</summary>
    public static string? SkipReason =>
        (OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64)
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
            ? null
            : "Needs the linux-x64 Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package, which cannot run on this machine; CI always runs it.";
}
