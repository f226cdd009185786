using System.Reflection;
using System.Text.Json;

namespace Compersion.Functions.Tests;

/// <summary>What is deployed to Azure holds production code only: no Azurite launcher, no benchmark counters.</summary>
public sealed class ProductionAssemblyTests
{
    private static readonly Assembly Functions = typeof(FunctionsServiceCollectionExtensions).Assembly;

    [Fact]
    public void FunctionsApp_DependencyGraph_HasNoDevelopmentAssembly()
    {
        var depsFile = Path.Combine(Path.GetDirectoryName(Functions.Location)!, "Compersion.Functions.deps.json");
        using var deps = JsonDocument.Parse(File.ReadAllText(depsFile));

        var libraries = deps.RootElement.GetProperty("libraries").EnumerateObject().Select(library => library.Name).ToArray();

        Assert.Contains(libraries, name => name.StartsWith("Compersion.Storage/", StringComparison.Ordinal));
        Assert.DoesNotContain(libraries, name => name.StartsWith("Compersion.Development/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Compersion.Functions")]
    [InlineData("Compersion.Storage")]
    [InlineData("Compersion.Email")]
    [InlineData("Compersion.Imaging")]
    [InlineData("Compersion.Core")]
    public void ProductionAssembly_Types_NoneInADevelopmentNamespaceOrLaunchingAzurite(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);

        var types = assembly.GetTypes().Select(type => type.FullName ?? type.Name).ToArray();

        Assert.DoesNotContain(types, name => name.Contains(".Development", StringComparison.Ordinal));
        Assert.DoesNotContain(types, name => name.Contains("Azurite", StringComparison.Ordinal) || name.Contains("RoundTrip", StringComparison.Ordinal));
    }
}
