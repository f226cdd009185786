using System.Reflection;

namespace Compersion.Functions.Tests.Deployment;

/// <summary>Paths in the checkout and to the Bicep CLI, as MSBuild saw them when it built this assembly.</summary>
internal static class Repository
{
    /// <summary>The checkout root (where <c>azure.yaml</c> is).</summary>
    public static string Root { get; } = Metadata("RepositoryRoot");

    /// <summary><c>infra/main.bicep</c>.</summary>
    public static string MainBicep { get; } = Path.Combine(Root, "infra", "main.bicep");

    /// <summary><c>infra/main.parameters.json</c>, the file azd fills from its environment.</summary>
    public static string MainParameters { get; } = Path.Combine(Root, "infra", "main.parameters.json");

    /// <summary><c>src/Compersion.Functions/local.settings.example.json</c>, the settings for Core Tools' <c>func start</c>.</summary>
    public static string LocalSettingsExample { get; } = Path.Combine(Root, "src", "Compersion.Functions", "local.settings.example.json");

    /// <summary><c>azure.yaml</c>.</summary>
    public static string AzureYaml { get; } = Path.Combine(Root, "azure.yaml");

    /// <summary><c>src/Compersion.Functions/Compersion.Functions.csproj</c>, the app <c>azd</c> publishes.</summary>
    public static string FunctionsProject { get; } = Path.Combine(Root, "src", "Compersion.Functions", "Compersion.Functions.csproj");

    /// <summary>The build configuration this assembly (and so the Functions app it references) was built in.</summary>
    public static string Configuration { get; } =
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;

    /// <summary>The <c>bicep</c> executable inside the restored <c>Azure.Bicep.CommandLine.linux-x64</c> package.</summary>
    public static string BicepPath { get; } = Metadata("BicepPath");

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value is { Length: > 0 } value
            ? Path.GetFullPath(value)
            : throw new InvalidOperationException($"The test assembly was built without the '{key}' metadata.");
}
