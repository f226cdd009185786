using Compersion.Core.Scheduling;

namespace Compersion.Functions;

/// <summary>Timer: walks the timing wheel and queues every due prompt once.</summary>
public sealed class DispatchDueFunction(Dispatcher dispatcher)
{
    /// <summary>Runs on the <c>DispatchSchedule</c> setting (NCRONTAB, e.g. every minute).</summary>
    [Function(nameof(DispatchDueFunction))]
    public Task RunAsync([TimerTrigger("%DispatchSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        dispatcher.DispatchDueAsync(cancellationToken);
}
