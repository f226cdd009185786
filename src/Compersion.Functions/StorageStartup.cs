using Compersion.Storage;
using Microsoft.Extensions.Hosting;

namespace Compersion.Functions;

/// <summary>Creates the tables and queues once when the app starts (idempotent).</summary>
internal sealed class StorageStartup(StorageInitializer initializer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => initializer.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
