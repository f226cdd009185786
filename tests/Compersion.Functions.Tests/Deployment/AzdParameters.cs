using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Compersion.Functions.Tests.Deployment;

/// <summary>Fills <c>infra/main.parameters.json</c> from an azd environment, as <c>azd provision</c> does, and writes it as a <c>.bicepparam</c>.</summary>
/// <remarks>
/// azd replaces <c>${NAME}</c> with the environment's value (empty when unset) and <c>${NAME=default}</c> with the
/// default when unset; a parameter left empty that has a default in the template is not passed, so the default holds.
/// </remarks>
internal static partial class AzdParameters
{
    /// <summary>The value of every <c>${...}</c> placeholder in the file, for the given environment.</summary>
    public static IReadOnlyDictionary<string, string> Resolve(IReadOnlyDictionary<string, string> environment)
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Repository.MainParameters));
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in file.RootElement.GetProperty("parameters").EnumerateObject())
        {
            var raw = parameter.Value.GetProperty("value").GetString() ?? string.Empty;
            values[parameter.Name] = Placeholder().Replace(raw, match =>
                environment.TryGetValue(match.Groups["name"].Value, out var value) ? value
                : match.Groups["default"].Success ? match.Groups["default"].Value
                : string.Empty);
        }

        return values;
    }

    /// <summary>A <c>.bicepparam</c> in <paramref name="directory"/> using <c>infra/main.bicep</c> with the resolved values.</summary>
    public static string WriteBicepParam(string directory, IReadOnlyDictionary<string, string> environment, IReadOnlySet<string> parametersWithDefaults)
    {
        var relative = Path.GetRelativePath(directory, Repository.MainBicep).Replace('\\', '/');
        var text = new StringBuilder().Append("using '").Append(relative).AppendLine("'");
        foreach (var (name, value) in Resolve(environment))
        {
            if (value.Length == 0 && parametersWithDefaults.Contains(name))
            {
                continue;
            }

            text.Append("param ").Append(name).Append(" = '").Append(Escape(value)).AppendLine("'");
        }

        var path = Path.Combine(directory, "test.bicepparam");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal).Replace("${", "\\${", StringComparison.Ordinal);

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(=(?<default>[^}]*))?\}")]
    private static partial Regex Placeholder();
}
