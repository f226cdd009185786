using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Compersion.Development.Tests;

public sealed class QueueTriggerLoopTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private static readonly QueueClientOptions Base64 = new() { MessageEncoding = QueueMessageEncoding.Base64 };

    [Fact]
    public async Task DrainAsync_HandlerSucceeds_EachMessageHandledOnceAndDeleted()
    {
        var (queue, poison) = await CreateQueuesAsync();
        foreach (var i in Enumerable.Range(0, 40))
        {
            await queue.SendMessageAsync($"message {i}");
        }

        var seen = new System.Collections.Concurrent.ConcurrentBag<string>();
        var loop = new QueueTriggerLoop(queue, poison, QueueTriggerSettings.Default, (message, _) => { seen.Add(message.MessageText); return Task.CompletedTask; }, NullLogger.Instance);

        var received = await loop.DrainAsync(CancellationToken.None);

        Assert.Equal(40, received);
        Assert.Equal(40, seen.Distinct().Count());
        Assert.Equal(40, seen.Count);
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task DrainAsync_HandlerAlwaysThrows_PoisonedAfterMaxDequeueCountAttempts()
    {
        var (queue, poison) = await CreateQueuesAsync();
        await queue.SendMessageAsync("always fails");
        var attempts = 0;
        var settings = QueueTriggerSettings.Default with { MaxDequeueCount = 3, VisibilityTimeout = TimeSpan.Zero };
        var loop = new QueueTriggerLoop(queue, poison, settings, (_, _) => { Interlocked.Increment(ref attempts); throw new InvalidOperationException("broken"); }, NullLogger.Instance);

        await loop.DrainAsync(CancellationToken.None);

        Assert.Equal(3, attempts);
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        var poisoned = (await poison.ReceiveMessagesAsync(32)).Value;
        Assert.Equal(["always fails"], poisoned.Select(message => message.MessageText));
    }

    /// <summary>
    /// A message whose handler outlasts the lease (a batch of sends behind SendGrid timeouts and 429 waits) is not delivered
    /// again while it runs: the loop renews the lease, as the Functions host does. Without that the second delivery found the
    /// first one's sends started and old, and sent them again.
    /// </summary>
    [Fact]
    public async Task DrainAsync_HandlerRunsLongerThanTheLease_DeliveredOnceAndDeleted()
    {
        var (queue, poison) = await CreateQueuesAsync();
        await queue.SendMessageAsync("slow");
        var deliveries = 0;
        var settings = QueueTriggerSettings.Default with { VisibilityTimeout = TimeSpan.Zero, Lease = TimeSpan.FromSeconds(2) };
        var loop = new QueueTriggerLoop(queue, poison, settings, async (_, cancellationToken) =>
        {
            Interlocked.Increment(ref deliveries);
            await Task.Delay(settings.Lease * 3, cancellationToken);
        }, NullLogger.Instance);

        // Without renewal the message never drains (each delivery's delete comes after its lease ran out), so stop looking after a while.
        using var enough = new CancellationTokenSource(settings.Lease * 10);
        try
        {
            await loop.DrainAsync(enough.Token);
        }
        catch (OperationCanceledException) when (enough.IsCancellationRequested)
        {
        }

        Assert.Equal(1, deliveries);
        Assert.Equal((1, 0), (loop.Handled, loop.Failed));
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Empty((await poison.ReceiveMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task RunUntilReceivedAsync_HandlersStillRunning_NextBatchOnlyOnceTheThresholdIsReached()
    {
        var (queue, poison) = await CreateQueuesAsync();
        foreach (var i in Enumerable.Range(0, 40))
        {
            await queue.SendMessageAsync($"message {i}");
        }

        var running = 0;
        using var release = new SemaphoreSlim(0);
        var settings = QueueTriggerSettings.Default with { BatchSize = 8, NewBatchThreshold = 4 };
        var loop = new QueueTriggerLoop(queue, poison, settings, async (_, cancellationToken) =>
        {
            Interlocked.Increment(ref running);
            await release.WaitAsync(cancellationToken);
            Interlocked.Decrement(ref running);
        }, NullLogger.Instance);

        var serving = loop.RunUntilReceivedAsync(40, CancellationToken.None);
        var firstBatch = await SettledAsync(() => Volatile.Read(ref running));
        release.Release(4);
        var afterThreshold = await SettledAsync(() => Volatile.Read(ref running));
        release.Release(40);
        await serving;

        Assert.Equal(8, firstBatch);
        Assert.Equal(12, afterThreshold);
        Assert.Equal(40, loop.Handled);
    }

    [Fact]
    public void Load_RepositoryHostJson_ReadsItsQueueSettings()
    {
        var settings = QueueTriggerSettings.Load(new ConfigurationBuilder().Build(), Path.Combine(RepositoryRoot.Find()!, "host.json"));

        Assert.Equal(new QueueTriggerSettings(5, 16, 8, TimeSpan.FromSeconds(30)), settings);
    }

    /// <summary>
    /// A prompt whose worker died mid-send is sent again only once its started claim is <c>StartedSendAge</c> old; serve's
    /// fifth and last delivery (the lease, then host.json's visibility timeout per retry) must come later than that, with
    /// room for the send to have started after the message was received, or the prompt goes to the poison queue instead.
    /// </summary>
    [Fact]
    public void Load_RepositoryHostJson_LastDeliveryAfterACrashComesAfterTheStartedSendAgeWithRoomToSpare()
    {
        var settings = QueueTriggerSettings.Load(new ConfigurationBuilder().Build(), Path.Combine(RepositoryRoot.Find()!, "host.json"));

        var lastDelivery = settings.Lease + ((settings.MaxDequeueCount - 2) * settings.VisibilityTimeout);

        Assert.True(
            lastDelivery - new Compersion.Storage.StorageOptions().StartedSendAge >= TimeSpan.FromSeconds(30),
            $"the last delivery comes {lastDelivery.TotalSeconds} s after the receive; a started send is taken over after {new Compersion.Storage.StorageOptions().StartedSendAge.TotalSeconds} s");
    }

    [Fact]
    public void Load_EnvironmentOverride_WinsOverHostJson()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureFunctionsJobHost:extensions:queues:batchSize"] = "4" })
            .Build();

        var settings = QueueTriggerSettings.Load(configuration, Path.Combine(RepositoryRoot.Find()!, "host.json"));

        Assert.Equal(4, settings.BatchSize);
        Assert.Equal(2, settings.NewBatchThreshold);
    }

    [Fact]
    public void Load_QueueLeaseSetting_HoldsReceivedMessagesThatLong()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["LocalHost:QueueLease"] = "00:00:08" })
            .Build();

        var settings = QueueTriggerSettings.Load(configuration, Path.Combine(RepositoryRoot.Find()!, "host.json"));
        var unset = QueueTriggerSettings.Load(new ConfigurationBuilder().Build(), Path.Combine(RepositoryRoot.Find()!, "host.json"));

        Assert.Equal(TimeSpan.FromSeconds(8), settings.Lease);
        Assert.Equal(TimeSpan.FromSeconds(30), unset.Lease);
    }

    /// <summary>Waits until a count has stopped changing for a second (at most 30 s), and returns it.</summary>
    private static async Task<int> SettledAsync(Func<int> read)
    {
        var (value, steady) = (read(), 0);
        for (var waited = 0; waited < 300; waited++)
        {
            await Task.Delay(100);
            var now = read();
            (value, steady) = now == value ? (value, steady + 1) : (now, 0);
            if (steady >= 10 && value > 0)
            {
                return value;
            }
        }

        return value;
    }

    private async Task<(QueueClient Queue, QueueClient Poison)> CreateQueuesAsync()
    {
        var name = "loop" + Guid.NewGuid().ToString("N")[..12];
        var queue = new QueueClient(fixture.ConnectionString, name, Base64);
        var poison = new QueueClient(fixture.ConnectionString, name + "-poison", Base64);
        await queue.CreateAsync();
        await poison.CreateAsync();
        return (queue, poison);
    }
}
