using Compersion.Cli.Inbox;
using Compersion.Core.Export;
using Compersion.Core.Subscriptions;
using Compersion.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Compersion.Cli.Tests;

public sealed class ReplayTests
{
    private static readonly DateTimeOffset Evening = new(2026, 11, 25, 19, 0, 30, TimeSpan.Zero);

    [Fact]
    public async Task RequeuePoison_ThenDrain_MessageProcessedOnce()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening);
        Assert.True(SignUpRequest.TryCreate("pia@example.com", "Europe/Berlin", "20:00", null, null, out var request, out _));
        var subscriber = await local.Host.Services.GetRequiredService<SubscriptionService>().AddConfirmedAsync(request!);
        var poison = new Azure.Storage.Queues.QueueClient(local.Azurite.ConnectionString, "outbound-poison", new Azure.Storage.Queues.QueueClientOptions { MessageEncoding = Azure.Storage.Queues.QueueMessageEncoding.Base64 });
        await poison.CreateIfNotExistsAsync();
        await poison.SendMessageAsync(Core.Scheduling.OutboundJob.For(subscriber.Id, Core.Scheduling.JobKind.Prompt, new NodaTime.LocalDate(2026, 11, 25)).ToJson());

        var moved = await local.Host.Services.GetRequiredService<QueueReplay>().RequeuePoisonAsync(QueueNames.Outbound);
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var movedAgain = await local.Host.Services.GetRequiredService<QueueReplay>().RequeuePoisonAsync(QueueNames.Outbound);

        Assert.Equal(1, moved);
        Assert.Equal(0, movedAgain);
        Assert.Single(Outbox.Read(local.Outbox, "prompt"));
    }

    [Fact]
    public async Task ArchiveReingest_AfterIngestion_NothingDuplicated()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        Assert.True(SignUpRequest.TryCreate("quin@example.com", "Europe/Berlin", "20:00", null, null, out var request, out _));
        await local.Host.Services.GetRequiredService<SubscriptionService>().AddConfirmedAsync(request!);
        local.Clock.SetTo(Evening);
        await local.Host.RunTimerAsync("DispatchDueFunction", CancellationToken.None);
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var prompt = Assert.Single(Outbox.Read(local.Outbox, "prompt"));
        await local.Http.PostAsync($"/api/inbound/sendgrid?code={local.Host.Keys.FunctionKey}", InboundParsePost.Raw(InboundParsePost.Reply(prompt, "1. Tea with Ravi\n2. Snow")));
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        var archive = local.Host.Services.GetRequiredService<Core.Inbound.IInboundArchive>();
        var queue = local.Host.Services.GetRequiredService<Core.Scheduling.IInboundQueue>();
        await foreach (var name in archive.ListSinceAsync(new DateOnly(2026, 11, 25)))
        {
            await queue.EnqueueAsync(name);
        }

        var reprocessed = await local.Host.DrainQueuesAsync(CancellationToken.None);

        Assert.Equal(1, reprocessed);
        var export = await local.Host.Services.GetRequiredService<ExportService>().ExportAsync("quin@example.com");
        Assert.Equal(2, Assert.Single(export!.Entries).Items.Count);
        Assert.Single(Outbox.Read(local.Outbox, "receipt"));
    }
}
