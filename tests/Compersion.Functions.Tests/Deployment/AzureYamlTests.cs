using YamlDotNet.Serialization;

namespace Compersion.Functions.Tests.Deployment;

/// <summary><c>azure.yaml</c>: what <c>azd deploy</c> builds and where it puts it.</summary>
public sealed class AzureYamlTests
{
    [Fact]
    public void Services_AzureYaml_OneFunctionAppBuiltFromTheFunctionsProject()
    {
        var yaml = Load();

        var services = (Dictionary<object, object>)yaml["services"];
        var service = (Dictionary<object, object>)services.Values.Single();
        var project = Path.GetFullPath(Path.Combine(Repository.Root, (string)service["project"]));

        Assert.Equal("function", service["host"]);
        Assert.Equal("dotnet", service["language"]);
        Assert.Equal(Path.Combine(Repository.Root, "src", "Compersion.Functions"), project.TrimEnd(Path.DirectorySeparatorChar));
        Assert.Contains("<AzureFunctionsVersion>v4</AzureFunctionsVersion>", File.ReadAllText(Path.Combine(project, "Compersion.Functions.csproj")), StringComparison.Ordinal);
    }

    [BicepFact]
    public async Task ServiceName_AzureYaml_TheTagOnTheProvisionedFunctionApp()
    {
        var snapshot = await InfraTemplate.SnapshotAsync();

        var services = (Dictionary<object, object>)Load()["services"];

        Assert.Equal((string?)InfraTemplate.Single(snapshot, "Microsoft.Web/sites")["tags"]!["azd-service-name"], (string)services.Keys.Single());
    }

    [Fact]
    public void Infra_AzureYaml_TheBicepThatTheTestsCheck()
    {
        var infra = (Dictionary<object, object>)Load()["infra"];

        Assert.Equal("bicep", infra["provider"]);
        Assert.Equal(Repository.MainBicep, Path.GetFullPath(Path.Combine(Repository.Root, (string)infra["path"], (string)infra["module"] + ".bicep")));
    }

    private static Dictionary<string, object> Load() =>
        new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(File.ReadAllText(Repository.AzureYaml));
}
