using Azure.Storage.Queues;
using Compersion.Core;
using Compersion.Core.Outbound;
using Compersion.Core.Scheduling;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Compersion.Core.Subscriptions;
using Compersion.Imaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace Compersion.Storage.Tests.EndToEnd;

/// <summary>
/// Core's real use cases composed as the app composes them, over the shared Azurite with tables no other test
/// uses, on a fake clock, with a recording mail sender in place of SendGrid.
/// </summary>
/// <remarks>
/// The <see cref="QueueNames.Outbound"/> queue has no prefix, so it is emptied when a harness starts; the storage
/// tests run one at a time (one xUnit collection), so nothing else writes to it meanwhile.
/// </remarks>
internal sealed class PipelineHarness : IAsyncDisposable
{
    private const int MaxMessagesPerReceive = 32;

    // Not validated on build: Core also registers use cases (inbound mail) whose ports Email implements; none is used here.
    private static readonly ServiceProviderOptions ProviderOptions = new() { ValidateOnBuild = false, ValidateScopes = true };

    private readonly ServiceProvider services;
    private readonly QueueClient outbound;

    private PipelineHarness(ServiceProvider services, FakeTimeProvider clock, RecordingMailSender mail)
    {
        this.services = services;
        Clock = clock;
        Mail = mail;
        outbound = services.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueNames.Outbound);
    }

    public FakeTimeProvider Clock { get; }

    public RecordingMailSender Mail { get; }

    public Instant Now => Instant.FromDateTimeOffset(Clock.GetUtcNow());

    public Dispatcher Dispatcher => Get<Dispatcher>();

    public OutboundSender Sender => Get<OutboundSender>();

    public SubscriptionService Subscriptions => Get<SubscriptionService>();

    public IScheduleStore Schedule => Get<IScheduleStore>();

    public static async Task<PipelineHarness> CreateAsync(AzuriteFixture fixture, Instant start, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = fixture.ConnectionString,
                ["Storage:TablePrefix"] = "e" + Guid.NewGuid().ToString("N")[..12],
                ["Tokens:CurrentSecret"] = "end-to-end-secret-0123456789-abcdefghijklmnop",

                // A brand-new wheel looks back one minute, so each test's first tick is cheap and starts where the test says.
                ["Dispatch:InitialLookbackMinutes"] = "1",
            })
            .Build();
        var clock = new FakeTimeProvider(start.ToDateTimeOffset());
        var mail = new RecordingMailSender();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<IMailSender>(mail)
            .AddLogging()
            .AddCompersionCore()
            .AddCompersionStorage(configuration)
            .AddCompersionImaging();
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(ProviderOptions);
        await provider.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(CancellationToken.None);
        var harness = new PipelineHarness(provider, clock, mail);
        await harness.outbound.ClearMessagesAsync();
        return harness;
    }

    public T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    /// <summary>Signs up and confirms a subscriber through the real use case, which also schedules their first prompt and digest.</summary>
    /// <remarks><paramref name="joinedDaysAgo"/> backdates the confirmation: a digest comes only after five days with us.</remarks>
    public async Task<Subscriber> AddConfirmedAsync(string zone, string promptTime, string? digestDay = null, string? digestTime = null, int joinedDaysAgo = 0)
    {
        Assert.True(
            SignUpRequest.TryCreate($"person.{Guid.NewGuid():N}@example.org", zone, promptTime, digestDay, digestTime, out var request, out var error),
            error);
        var subscriber = await Subscriptions.AddConfirmedAsync(request!);
        return joinedDaysAgo == 0
            ? subscriber
            : (await Get<ISubscriberStore>().UpdateAsync(subscriber.Id, s => s with { ConfirmedAt = s.ConfirmedAt!.Value - Duration.FromDays(joinedDaysAgo) }))!;
    }

    /// <summary>Moves the fake clock to an instant (never backwards).</summary>
    public void SetNow(Instant instant) => Clock.SetUtcNow(instant.ToDateTimeOffset());

    /// <summary>Outbound messages taken off the queue so far (each holds up to <see cref="OutboundBatch.MaxJobs"/> jobs).</summary>
    public int Messages { get; private set; }

    /// <summary>Takes every message off the outbound queue, parses each the way the send trigger does, and returns their jobs.</summary>
    public async Task<IReadOnlyList<OutboundJob>> DrainQueueAsync()
    {
        var jobs = new List<OutboundJob>();
        while (true)
        {
            var batch = (await outbound.ReceiveMessagesAsync(MaxMessagesPerReceive, TimeSpan.FromMinutes(5))).Value;
            if (batch.Length == 0)
            {
                return jobs;
            }

            foreach (var message in batch)
            {
                Assert.True(OutboundBatch.TryParse(message.MessageText, out var jobsInMessage), $"Unreadable outbound message: {message.MessageText}");
                jobs.AddRange(jobsInMessage!.Jobs);
                Messages++;
                await outbound.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
