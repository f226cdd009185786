using System.Text.Json;

namespace Compersion.Functions.Tests.Deployment;

/// <summary>The example settings for Core Tools name every setting the deployed app gets, and hold no secret.</summary>
public sealed class LocalSettingsExampleTests
{
    [BicepFact]
    public async Task Values_Example_EveryAppSettingTheTemplateWritesBesidesAzureIdentityAndTelemetry()
    {
        var snapshot = await InfraTemplate.SnapshotAsync();
        var deployed = InfraTemplate.AppSettings(snapshot).Keys
            .Where(name => !name.StartsWith("APPLICATIONINSIGHTS_", StringComparison.Ordinal) && !name.StartsWith("AzureWebJobsStorage__", StringComparison.Ordinal));

        var example = Values();

        Assert.Subset(example.Keys.ToHashSet(StringComparer.Ordinal), deployed.ToHashSet(StringComparer.Ordinal));
        Assert.Equal("dotnet-isolated", example["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal("UseDevelopmentStorage=true", example["AzureWebJobsStorage"]);
    }

    [Fact]
    public void Values_Example_SecretsLeftEmpty()
    {
        var example = Values();

        Assert.All(["Tokens__CurrentSecret", "Tokens__PreviousSecret", "SendGrid__ApiKey"], name => Assert.Equal(string.Empty, example[name]));
    }

    private static Dictionary<string, string> Values()
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Repository.LocalSettingsExample));
        return file.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(value => value.Name, value => value.Value.GetString()!, StringComparer.Ordinal);
    }
}
