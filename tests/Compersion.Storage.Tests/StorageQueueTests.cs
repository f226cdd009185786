using System.Text.RegularExpressions;
using Azure.Storage.Queues;
using Compersion.Core.Inbound;
using Compersion.Core.Scheduling;
using Compersion.Core.Subscribers;
using Compersion.Storage.Inbound;
using Compersion.Storage.Scheduling;
using NodaTime;

namespace Compersion.Storage.Tests;

/// <summary>
/// Both queue adapters over Azurite: a message storage refuses is reported as Core's failure with what storage answered
/// (status and code), as the archive's is, so the webhook's and the dispatcher's log lines can say it.
/// </summary>
public sealed class StorageQueueTests(AzuriteFixture fixture) : StorageTestBase(fixture)
{
    [Fact]
    public async Task EnqueueAsync_StorageRefusesTheKey_BothQueuesReportTheStatusAndCode()
    {
        // The right account with the wrong key: Azurite checks the signature and answers 403, as Azure Storage would.
        var wrongKey = Regex.Replace(Fixture.ConnectionString, "AccountKey=[^;]+", "AccountKey=" + Convert.ToBase64String(new byte[64]));
        var queues = new QueueServiceClient(wrongKey, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64, Retry = { MaxRetries = 0 } });
        var job = OutboundJob.For(SubscriberId.New(), JobKind.Prompt, new LocalDate(2026, 6, 15));

        var inbound = await Assert.ThrowsAsync<StorageFailureException>(() => new InboundQueue(queues).EnqueueAsync("2026/06/15/archive"));
        var outbound = await Assert.ThrowsAsync<StorageFailureException>(() => new OutboundQueue(queues).EnqueueAsync(OutboundBatch.Of(job)));

        Assert.Equal((403, "AuthenticationFailed"), (inbound.Status, inbound.ErrorCode));
        Assert.Equal((403, "AuthenticationFailed"), (outbound.Status, outbound.ErrorCode));
    }
}
