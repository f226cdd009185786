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
        Assert.True(OutboundBatch.TryParse(json, out var parsed));
        Assert.Equal(job, Assert.Single(parsed!.Jobs));
    }

    [Fact]
    public async Task EnqueueAsync_BatchOfThirtyTwo_IsOneMessageWithEveryJobInOrder()
    {
        var raw = new QueueClient(Fixture.ConnectionString, QueueNames.Outbound);
        await raw.ClearMessagesAsync();
        var jobs = Enumerable.Range(0, OutboundBatch.MaxJobs).Select(i => OutboundJob.For(SubscriberId.New(), JobKind.Prompt, new LocalDate(2025, 6, 1).PlusDays(i))).ToList();

        await Harness.Get<IJobQueue>().EnqueueAsync(new OutboundBatch(jobs));

        var message = Assert.Single((await raw.ReceiveMessagesAsync(maxMessages: 32)).Value);
        Assert.True(OutboundBatch.TryParse(Encoding.UTF8.GetString(Convert.FromBase64String(message.MessageText)), out var parsed));
        Assert.Equal(jobs, parsed!.Jobs);
        Assert.True(message.MessageText.Length < 64 * 1024 / 8, $"{message.MessageText.Length} characters");
    }
}
