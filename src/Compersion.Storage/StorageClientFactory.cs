using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Compersion.Storage;

/// <summary>Builds the service clients from the <c>AzureWebJobsStorage</c> setting.</summary>
/// <remarks>
/// Two shapes are understood, the same two the Functions host understands: a connection string
/// (<c>UseDevelopmentStorage=true</c>, or an explicit one such as Azurite's on custom ports), or an
/// identity-based section (<c>AzureWebJobsStorage__accountName</c> or
/// <c>AzureWebJobsStorage__tableServiceUri</c>/<c>__queueServiceUri</c>, with optional
/// <c>__credential=managedidentity</c> and <c>__clientId</c>) for accounts without shared keys.
/// </remarks>
internal static class StorageClientFactory
{
    /// <summary>The setting (or section) naming the storage account.</summary>
    public const string ConnectionName = "AzureWebJobsStorage";

    private const int MaxRetries = 3;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(30);

    public static TableServiceClient CreateTableServiceClient(IConfiguration configuration, IEnumerable<StorageRequestPolicy> policies)
    {
        var options = Configure(new TableClientOptions(), policies);
        if (configuration[ConnectionName] is { Length: > 0 } connectionString)
        {
            return new TableServiceClient(connectionString, options);
        }

        var section = configuration.GetSection(ConnectionName);
        return new TableServiceClient(ServiceUri(section, "table"), StorageCredentialChoice.From(section).Create(), options);
    }

    public static QueueServiceClient CreateQueueServiceClient(IConfiguration configuration, IEnumerable<StorageRequestPolicy> policies)
    {
        // The Functions queue trigger expects Base64 message bodies by default.
        var options = Configure(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }, policies);
        if (configuration[ConnectionName] is { Length: > 0 } connectionString)
        {
            return new QueueServiceClient(connectionString, options);
        }

        var section = configuration.GetSection(ConnectionName);
        return new QueueServiceClient(ServiceUri(section, "queue"), StorageCredentialChoice.From(section).Create(), options);
    }

    public static BlobServiceClient CreateBlobServiceClient(IConfiguration configuration, IEnumerable<StorageRequestPolicy> policies)
    {
        var options = Configure(new BlobClientOptions(), policies);
        if (configuration[ConnectionName] is { Length: > 0 } connectionString)
        {
            return new BlobServiceClient(connectionString, options);
        }

        var section = configuration.GetSection(ConnectionName);
        return new BlobServiceClient(ServiceUri(section, "blob"), StorageCredentialChoice.From(section).Create(), options);
    }

    private static T Configure<T>(T options, IEnumerable<StorageRequestPolicy> policies)
        where T : ClientOptions
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = MaxRetries;
        options.Retry.Delay = RetryDelay;
        options.Retry.MaxDelay = MaxRetryDelay;
        options.Retry.NetworkTimeout = NetworkTimeout;
        foreach (var policy in policies)
        {
            options.AddPolicy(policy.Policy, HttpPipelinePosition.PerRetry);
        }

        return options;
    }

    /// <summary>The endpoint of one service (<c>blob</c>, <c>queue</c>, <c>table</c>): <c>__{service}ServiceUri</c> if set, else the public-cloud endpoint of <c>__accountName</c>.</summary>
    internal static Uri ServiceUri(IConfigurationSection section, string service)
    {
        if (section[service + "ServiceUri"] is { Length: > 0 } explicitUri)
        {
            return new Uri(explicitUri, UriKind.Absolute);
        }

        if (section["accountName"] is { Length: > 0 } accountName)
        {
            return new Uri($"https://{accountName}.{service}.core.windows.net", UriKind.Absolute);
        }

        throw new InvalidOperationException(
            $"No storage account is configured: set '{ConnectionName}' to a connection string, or '{ConnectionName}__accountName' for an identity-based connection.");
    }
}
