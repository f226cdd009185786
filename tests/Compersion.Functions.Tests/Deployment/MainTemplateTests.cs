using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Compersion.Functions.Tests.Deployment;

/// <summary><c>infra/main.bicep</c> as the Bicep CLI compiles and lints it (with <c>infra/bicepconfig.json</c>).</summary>
public sealed class MainTemplateTests
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly Regex ListFunction = new(@"\blist\w*\(", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex SecretLookingName = new("secret|password|pwd|connectionstring|accountkey|apikey|token|credential", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [BicepFact]
    public async Task Build_MainTemplate_CompilesWithoutAnyDiagnostic()
    {
        var run = await InfraTemplate.BuildAsync();

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.StartsWith("{", run.Stdout.TrimStart(), StringComparison.Ordinal);
    }

    [BicepFact]
    public async Task Lint_MainTemplateAndModules_NoDiagnostic()
    {
        var run = await BicepCli.RunAsync("lint", Repository.MainBicep);

        Assert.Equal(string.Empty, run.Stderr + run.Stdout);
        Assert.Equal(0, run.ExitCode);
    }

    [BicepFact]
    public async Task Outputs_MainTemplate_NoneSecretByTypeNameOrValue()
    {
        var compiled = await InfraTemplate.CompiledAsync();
        var secureParameters = compiled["parameters"]!.AsObject()
            .Where(parameter => ((string?)parameter.Value!["type"])!.StartsWith("secure", StringComparison.OrdinalIgnoreCase))
            .Select(parameter => parameter.Key)
            .ToList();

        var outputs = compiled["outputs"]!.AsObject();

        Assert.NotEmpty(outputs);
        Assert.NotEmpty(secureParameters);
        Assert.All(outputs, output =>
        {
            var type = (string?)output.Value!["type"];
            var value = output.Value["value"]!.ToJsonString(Relaxed);
            Assert.False(type!.StartsWith("secure", StringComparison.OrdinalIgnoreCase), $"{output.Key} is a secure output: azd would still write it to .env.");
            Assert.DoesNotMatch(SecretLookingName, output.Key);
            Assert.DoesNotMatch(ListFunction, value);
            Assert.DoesNotContain("ConnectionString", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("InstrumentationKey", value, StringComparison.OrdinalIgnoreCase);
            Assert.All(secureParameters, name => Assert.DoesNotContain($"'{name}'", value, StringComparison.Ordinal));
        });
    }

    [BicepFact]
    public async Task CompiledTemplate_Anywhere_NoAccountKeyOrKeyBasedConnectionString()
    {
        var text = (await InfraTemplate.BuildAsync()).Stdout;

        Assert.DoesNotContain("listKeys", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("DefaultEndpointsProtocol", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SharedAccessSignature", text, StringComparison.OrdinalIgnoreCase);
    }

    [BicepFact]
    public async Task Parameters_SecretsTheAppReads_AreSecureParameters()
    {
        var compiled = await InfraTemplate.CompiledAsync();

        var parameters = compiled["parameters"]!.AsObject();

        Assert.All(["sendGridApiKey", "tokensCurrentSecret", "tokensPreviousSecret"], name =>
            Assert.Equal("securestring", (string?)parameters[name]!["type"], ignoreCase: true));
        Assert.Equal(32, (int)parameters["tokensCurrentSecret"]!["minLength"]!);
        Assert.False(((JsonObject)parameters["tokensCurrentSecret"]!).ContainsKey("defaultValue"));
    }

    [BicepFact]
    public async Task Parameters_Defaults_CheapAndDispatchEveryMinuteInTheTemplateAndThroughAzd()
    {
        var compiled = await InfraTemplate.CompiledAsync();

        var parameters = compiled["parameters"]!.AsObject();

        Assert.Equal("0 * * * * *", (string?)parameters["dispatchSchedule"]!["defaultValue"]);
        Assert.Equal("0 * * * * *", AzdParameters.Resolve(new Dictionary<string, string>())["dispatchSchedule"]);
        Assert.Equal(40, (int)parameters["maximumInstanceCount"]!["defaultValue"]!);
        Assert.Equal(2048, (int)parameters["instanceMemoryMB"]!["defaultValue"]!);
    }
}
