using Microsoft.Extensions.Configuration;

namespace Compersion.Functions;

/// <summary>Refuses to start with an app setting that is still a Key Vault reference.</summary>
/// <remarks>
/// When the platform cannot resolve <c>@Microsoft.KeyVault(...)</c> (the identity's role has not propagated yet, the
/// secret is missing, the vault is unreachable) the app sees the reference text itself. A token secret that is a
/// public string would let anyone forge reply tokens and links, and an API key that is one fails every send; so the
/// app stops and names the settings (never their values) until a restart resolves them.
/// </remarks>
internal static class KeyVaultReferences
{
    private const string Prefix = "@Microsoft.KeyVault(";

    /// <summary>Throws when any configuration value is an unresolved Key Vault reference.</summary>
    public static void ThrowIfUnresolved(IConfiguration configuration)
    {
        var unresolved = configuration.AsEnumerable()
            .Where(setting => setting.Value?.TrimStart().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) == true)
            .Select(setting => setting.Key.Replace(":", "__", StringComparison.Ordinal))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (unresolved.Count > 0)
        {
            throw new InvalidOperationException(
                $"Unresolved Key Vault reference in {string.Join(", ", unresolved)}: check that the secret exists and that the app's identity has the Key Vault Secrets User role, then restart the app.");
        }
    }
}
