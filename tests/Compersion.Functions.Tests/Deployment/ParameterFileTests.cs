using System.Text.Json;
using System.Text.RegularExpressions;

namespace Compersion.Functions.Tests.Deployment;

/// <summary><c>infra/main.parameters.json</c>: only azd placeholders where secrets go, and every parameter the template declares.</summary>
public sealed partial class ParameterFileTests
{
    [BicepFact]
    public async Task SecureParameters_ParameterFile_OnlyAnAzdVariableWithoutDefault()
    {
        var compiled = await InfraTemplate.CompiledAsync();
        var secure = compiled["parameters"]!.AsObject()
            .Where(parameter => ((string?)parameter.Value!["type"])!.StartsWith("secure", StringComparison.OrdinalIgnoreCase))
            .Select(parameter => parameter.Key)
            .ToList();

        var values = FileValues();

        Assert.Equal(3, secure.Count);
        Assert.All(secure, name => Assert.Matches(BarePlaceholder(), values[name]));
    }

    [Fact]
    public void Values_ParameterFile_NothingThatLooksLikeAKeyOrSecret()
    {
        var values = FileValues();

        Assert.All(values, pair =>
        {
            var literal = AnyPlaceholder().Replace(pair.Value, match => match.Groups["default"].Value);
            Assert.DoesNotMatch(SecretLooking(), literal);
        });
    }

    [BicepFact]
    public async Task Parameters_ParameterFile_MapsExactlyTheTemplatesParameters()
    {
        var compiled = await InfraTemplate.CompiledAsync();
        var declared = compiled["parameters"]!.AsObject().Select(parameter => parameter.Key).ToHashSet(StringComparer.Ordinal);
        var required = compiled["parameters"]!.AsObject().Where(parameter => !parameter.Value!.AsObject().ContainsKey("defaultValue")).Select(parameter => parameter.Key);

        var mapped = FileValues().Keys.ToHashSet(StringComparer.Ordinal);

        Assert.Subset(declared, mapped);
        Assert.Subset(mapped, required.ToHashSet(StringComparer.Ordinal));
        Assert.Equal("${AZURE_ENV_NAME}", FileValues()["environmentName"]);
        Assert.Equal("${AZURE_LOCATION}", FileValues()["location"]);
    }

    private static Dictionary<string, string> FileValues()
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Repository.MainParameters));
        return file.RootElement.GetProperty("parameters").EnumerateObject()
            .ToDictionary(parameter => parameter.Name, parameter => parameter.Value.GetProperty("value").GetString()!, StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^\$\{[A-Z][A-Z0-9_]*\}$")]
    private static partial Regex BarePlaceholder();

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(=(?<default>[^}]*))?\}")]
    private static partial Regex AnyPlaceholder();

    // A SendGrid key, a long base64 or hex run, or a key=value secret.
    [GeneratedRegex(@"SG\.[A-Za-z0-9_-]{8,}|[A-Za-z0-9+/=_-]{32,}|(?i:(AccountKey|password|secret)=)")]
    private static partial Regex SecretLooking();
}
