using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Compersion.Core.Subscribers;

namespace Compersion.Cli.Tests;

/// <summary>Looks through every table, queue and blob container of a storage account for any trace of one person.</summary>
/// <remarks>
/// Nothing is assumed about where data lives: every row of every table (keys and string columns), every queued
/// message and every blob's bytes are searched for the subscriber id, the address and the address hash.
/// </remarks>
internal static class StorageTraces
{
    /// <summary>Where each trace was found, as <c>kind name: where</c>; empty when there is none.</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(string connectionString, string subscriberId, string email)
    {
        string[] needles = [subscriberId, email, EmailAddress.Hash(email)];
        bool Has(string? text) => text is not null && needles.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase));
        var found = new List<string>();

        var tables = new TableServiceClient(connectionString);
        await foreach (var table in tables.QueryAsync())
        {
            await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                if (Has(row.PartitionKey) || Has(row.RowKey) || row.Select(pair => pair.Value).OfType<string>().Any(Has))
                {
                    found.Add($"table {table.Name}: {row.PartitionKey} / {row.RowKey}");
                }
            }
        }

        var queues = new QueueServiceClient(connectionString);
        await foreach (var queue in queues.GetQueuesAsync())
        {
            foreach (var message in (await queues.GetQueueClient(queue.Name).PeekMessagesAsync(32)).Value)
            {
                var text = message.Body.ToString();
                string decoded;
                try
                {
                    decoded = Encoding.UTF8.GetString(Convert.FromBase64String(text));
                }
                catch (FormatException)
                {
                    decoded = text;
                }

                if (Has(text) || Has(decoded))
                {
                    found.Add($"queue {queue.Name}: {message.MessageId}");
                }
            }
        }

        var blobs = new BlobServiceClient(connectionString);
        await foreach (var container in blobs.GetBlobContainersAsync())
        {
            var client = blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync())
            {
                var content = (await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString();
                if (Has(blob.Name) || Has(content))
                {
                    found.Add($"blob {container.Name}: {blob.Name}");
                }
            }
        }

        return found;
    }
}
