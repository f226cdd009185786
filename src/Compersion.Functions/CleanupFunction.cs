using Compersion.Core.Privacy;

namespace Compersion.Functions;

/// <summary>Timer: deletes outbox rows, inbound ledger rows and the index of archived posts past their retention (<see cref="RecordRetention"/>).</summary>
public sealed class CleanupFunction(RecordRetention retention)
{
    /// <summary>Runs on the <c>CleanupSchedule</c> setting (NCRONTAB, daily).</summary>
    [Function(nameof(CleanupFunction))]
    public Task RunAsync([TimerTrigger("%CleanupSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        retention.RunAsync(cancellationToken);
}
