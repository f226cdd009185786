using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace Compersion.Storage;

/// <summary>The credential an identity-based <c>AzureWebJobsStorage</c> section asks for, read as the Functions host reads it.</summary>
/// <param name="ManagedIdentity">True for <c>__credential=managedidentity</c>; otherwise <see cref="DefaultAzureCredential"/> is used (a developer's az login, for instance).</param>
/// <param name="ClientId">The user-assigned identity's client id (<c>__clientId</c>); null for the system-assigned identity.</param>
internal sealed record StorageCredentialChoice(bool ManagedIdentity, string? ClientId)
{
    /// <summary>Reads <c>credential</c> and <c>clientId</c> from the section; <c>clientId</c> counts only with <c>credential=managedidentity</c>.</summary>
    public static StorageCredentialChoice From(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var managed = string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase);
        return new StorageCredentialChoice(managed, managed && section["clientId"] is { Length: > 0 } clientId ? clientId : null);
    }

    /// <summary>The credential itself.</summary>
    public TokenCredential Create()
    {
        if (!ManagedIdentity)
        {
            return new DefaultAzureCredential();
        }

        return ClientId is null
            ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(ClientId));
    }
}
