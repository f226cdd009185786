using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Compersion.Functions.Tests.Deployment;

/// <summary><c>infra/main.bicep</c> compiled, and its predicted resources for a given azd environment (<c>bicep snapshot</c>, offline).</summary>
/// <remarks>Each is computed once per test run and shared; the Bicep CLI takes about a second per call.</remarks>
internal static class InfraTemplate
{
    /// <summary>Test-only values for the secure parameters; they must never show up in anything the template produces.</summary>
    public const string FakeSendGridApiKey = "SG.test-only-not-a-real-key.0123456789";
    public const string FakeCurrentSecret = "test-only-current-secret-0123456789abcdef";
    public const string FakePreviousSecret = "test-only-previous-secret-0123456789abcdef";

    /// <summary>What an operator sets before <c>azd up</c> (docs/deploy.md), plus what azd sets itself.</summary>
    public static readonly IReadOnlyDictionary<string, string> MinimalEnvironment = new Dictionary<string, string>
    {
        ["AZURE_ENV_NAME"] = "compersion-test",
        ["AZURE_LOCATION"] = "swedencentral",
        ["MAIL_FROM"] = "hello@mail.example.org",
        ["MAIL_INBOUND_DOMAIN"] = "reply.example.org",
        ["SENDGRID_API_KEY"] = FakeSendGridApiKey,
        ["TOKENS_CURRENT_SECRET"] = FakeCurrentSecret,
    };

    private static readonly Lazy<Task<BicepRun>> Build = new(() => BicepCli.RunAsync("build", Repository.MainBicep, "--stdout"));
    private static readonly ConcurrentDictionary<string, Lazy<Task<JsonObject>>> Snapshots = new(StringComparer.Ordinal);

    /// <summary>The run of <c>bicep build infra/main.bicep --stdout</c>.</summary>
    public static Task<BicepRun> BuildAsync() => Build.Value;

    /// <summary>The compiled ARM template.</summary>
    public static async Task<JsonObject> CompiledAsync()
    {
        var run = await BuildAsync();
        Assert.True(run.ExitCode == 0, $"bicep build failed: {run.Stderr}");
        return JsonNode.Parse(run.Stdout)!.AsObject();
    }

    /// <summary>The snapshot for <see cref="MinimalEnvironment"/> with <paramref name="extra"/> settings on top.</summary>
    public static Task<JsonObject> SnapshotAsync(params (string Name, string Value)[] extra)
    {
        var environment = new Dictionary<string, string>(MinimalEnvironment);
        foreach (var (name, value) in extra)
        {
            environment[name] = value;
        }

        var key = string.Join('\n', environment.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"));
        return Snapshots.GetOrAdd(key, _ => new Lazy<Task<JsonObject>>(() => CreateSnapshotAsync(environment))).Value;
    }

    /// <summary>The predicted resources of one type.</summary>
    public static IReadOnlyList<JsonObject> Resources(JsonObject snapshot, string type) =>
        snapshot["predictedResources"]!.AsArray()
            .Select(resource => resource!.AsObject())
            .Where(resource => string.Equals((string?)resource["type"], type, StringComparison.OrdinalIgnoreCase))
            .ToList();

    /// <summary>The one predicted resource of a type.</summary>
    public static JsonObject Single(JsonObject snapshot, string type)
    {
        var resources = Resources(snapshot, type);
        Assert.True(resources.Count == 1, $"Expected one {type}, found {resources.Count}.");
        return resources[0];
    }

    /// <summary>The function app's app settings.</summary>
    public static IReadOnlyDictionary<string, string?> AppSettings(JsonObject snapshot) =>
        Single(snapshot, "Microsoft.Web/sites/config")["properties"]!.AsObject()
            .ToDictionary(setting => setting.Key, setting => (string?)setting.Value, StringComparer.Ordinal);

    private static async Task<JsonObject> CreateSnapshotAsync(Dictionary<string, string> environment)
    {
        var compiled = await CompiledAsync();
        var withDefaults = compiled["parameters"]!.AsObject()
            .Where(parameter => parameter.Value!.AsObject().ContainsKey("defaultValue"))
            .Select(parameter => parameter.Key)
            .ToHashSet(StringComparer.Ordinal);

        var directory = Directory.CreateTempSubdirectory("compersion-bicep-").FullName;
        try
        {
            var parameters = AzdParameters.WriteBicepParam(directory, environment, withDefaults);
            var run = await BicepCli.RunAsync(
                "snapshot", parameters,
                "--subscription-id", "00000000-0000-0000-0000-00000000aaaa",
                "--tenant-id", "00000000-0000-0000-0000-00000000bbbb",
                "--location", environment["AZURE_LOCATION"],
                "--deployment-name", "compersion");
            Assert.True(run.ExitCode == 0 && run.Stderr.Length == 0, $"bicep snapshot failed ({run.ExitCode}): {run.Stderr}{run.Stdout}");
            var snapshot = JsonNode.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(parameters, ".snapshot.json")))!.AsObject();
            Assert.Empty(snapshot["diagnostics"]!.AsArray());
            return snapshot;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
