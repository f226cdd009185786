namespace Compersion.Functions;

/// <summary>Reads <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c>, the setting the Functions host uses for Entra-authenticated telemetry.</summary>
/// <remarks>
/// The format is <c>Authorization=AAD;ClientId=&lt;client id&gt;</c> (<c>ClientId</c> left out for a system-assigned identity).
/// The host reads it itself; the worker's Application Insights SDK does not, so <see cref="TelemetryServiceCollectionExtensions"/>
/// gives the worker the same identity. Without it, a component with local authentication off drops the worker's telemetry.
/// </remarks>
internal static class TelemetryAuthentication
{
    /// <summary>The setting's name, the same in Azure and locally.</summary>
    public const string SettingName = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>True when the value asks for Entra (AAD) authentication; <paramref name="clientId"/> is the user-assigned identity's, or null for a system-assigned one.</summary>
    public static bool TryParse(string? value, out string? clientId)
    {
        clientId = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var entra = false;
        foreach (var pair in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var key = pair[..equals].Trim();
            var setting = pair[(equals + 1)..].Trim();
            if (key.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            {
                entra = setting.Equals("AAD", StringComparison.OrdinalIgnoreCase);
            }
            else if (key.Equals("ClientId", StringComparison.OrdinalIgnoreCase) && setting.Length > 0)
            {
                clientId = setting;
            }
        }

        if (!entra)
        {
            clientId = null;
        }

        return entra;
    }
}
