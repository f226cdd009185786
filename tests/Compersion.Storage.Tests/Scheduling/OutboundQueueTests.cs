using System.Text;
using Azure.Storage.Queues;
using Compersion.Core.Scheduling;
using Compersion.Core.Subscribers;
using NodaTime;

namespace Compersion.Storage.Tests.Scheduling;

public sealed class OutboundQueueTests(AzuriteFixture fixture) : StorageTestBase(fixture)
{
    [Fact]
    public async Task EnqueueAsync_Job_StoresBase64JsonThatTheSendTriggerParsesBackToTheJob()
    {
        // A client without Base64 decoding sees the message body exactly as it sits in the queue.
        var raw = new QueueClient(Fixture.ConnectionString, QueueNames.Outbound);
        await raw.ClearMessagesAsync();
        var job = OutboundJob.For(SubscriberId.New(), JobKind.Digest, new LocalDate(2025, 6, 1));

        await Harness.Get<IJobQueue>().EnqueueAsync(job);

        var message = Assert.Single((await raw.ReceiveMessagesAsync(maxMessages: 32)).Value);
        var json = Encoding.UTF8.GetString(Convert.FromBase64String(message.MessageText));
        Assert.StartsWith("{", json, StringComparison.Ordinal);
        Assert.Contains("2025-06-01", json, StringComparison.Ordinal);
        Assert.True(OutboundJob.TryParse(json, out var parsed));
        Assert.Equal(job, parsed);
    }
}
