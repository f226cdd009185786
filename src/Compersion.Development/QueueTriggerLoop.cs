using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;

namespace Compersion.Development;

/// <summary>Does the Functions host's share of a queue trigger against Azurite, for <c>serve</c>, the demo and the benchmarks alike.</summary>
/// <remarks>
/// As the host does: messages are fetched <see cref="QueueTriggerSettings.BatchSize"/> at a time and run at once; the
/// next batch is fetched as soon as no more than <see cref="QueueTriggerSettings.NewBatchThreshold"/> are still
/// running; a message whose handler returned is deleted; one whose handler threw is made visible again after
/// <see cref="QueueTriggerSettings.VisibilityTimeout"/>; while a handler runs its message's lease
/// (<see cref="QueueTriggerSettings.Lease"/>) is renewed, so only a message whose process died comes back before it ends, and moved to <c>&lt;queue&gt;-poison</c> after its
/// <see cref="QueueTriggerSettings.MaxDequeueCount"/>th attempt. An empty queue is polled again after a pause that
/// doubles from 50 ms to 1 s. Messages are Base64, as the trigger expects.
/// </remarks>
public sealed partial class QueueTriggerLoop
{
    private static readonly TimeSpan MinPoll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxPoll = TimeSpan.FromSeconds(1);

    // A running message's lease is renewed this many times per lease, so a renewal late by most of a lease still lands.
    private const int RenewalsPerLease = 4;

    private readonly QueueClient queue;
    private readonly QueueClient poison;
    private readonly QueueTriggerSettings settings;
    private readonly Func<QueueMessage, CancellationToken, Task> handler;
    private readonly ILogger logger;
    private readonly string name;
    private int handled;
    private int failed;

    /// <summary>Creates a loop over one queue.</summary>
    /// <param name="queue">The trigger's queue (Base64 messages).</param>
    /// <param name="poison">Where messages go after their last failed attempt.</param>
    /// <param name="settings">The host's queue settings.</param>
    /// <param name="handler">The function body for one message; throwing leaves the message for another attempt.</param>
    /// <param name="logger">Receives failures and poisonings (message ids only).</param>
    /// <param name="name">The function's name, for the log.</param>
    public QueueTriggerLoop(QueueClient queue, QueueClient poison, QueueTriggerSettings settings, Func<QueueMessage, CancellationToken, Task> handler, ILogger logger, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(poison);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(logger);
        this.queue = queue;
        this.poison = poison;
        this.settings = settings;
        this.handler = handler;
        this.logger = logger;
        this.name = name ?? queue.Name;
    }

    /// <summary>The queue this loop serves.</summary>
    public string QueueName => queue.Name;

    /// <summary>Messages whose handler returned (and which were deleted).</summary>
    public int Handled => Volatile.Read(ref handled);

    /// <summary>Handler attempts that threw.</summary>
    public int Failed => Volatile.Read(ref failed);

    /// <summary>Receive calls that returned messages, and ones that found the queue empty.</summary>
    public (int WithMessages, int Empty) Receives { get; private set; }

    // How long a received message stays invisible, and what each renewal of a running one extends it by.
    private TimeSpan Lease => settings.VisibilityTimeout > settings.Lease ? settings.VisibilityTimeout : settings.Lease;

    /// <summary>Creates the queue and its poison queue.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
    }

    /// <summary>Serves the queue until cancelled; a storage outage is logged and polled through.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ServeAsync(stopWhenEmpty: false, expected: int.MaxValue, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Serves the queue until it has no visible message and nothing is running; returns how many messages were received.</summary>
    public Task<int> DrainAsync(CancellationToken cancellationToken) => ServeAsync(stopWhenEmpty: true, expected: int.MaxValue, cancellationToken);

    /// <summary>Serves the queue until <paramref name="expected"/> messages have been received and every handler has finished.</summary>
    public Task<int> RunUntilReceivedAsync(int expected, CancellationToken cancellationToken) => ServeAsync(stopWhenEmpty: false, expected, cancellationToken);

    private async Task<int> ServeAsync(bool stopWhenEmpty, int expected, CancellationToken cancellationToken)
    {
        var running = new HashSet<Task>();
        var received = 0;
        var (withMessages, empty) = (0, 0);
        var idle = MinPoll;
        var lease = Lease;
        try
        {
            while (received < expected)
            {
                while (running.Count > settings.NewBatchThreshold)
                {
                    running.Remove(await Task.WhenAny(running));
                }

                var wanted = Math.Min(settings.BatchSize, expected - received);
                QueueMessage[] messages;
                try
                {
                    messages = (await queue.ReceiveMessagesAsync(wanted, lease, cancellationToken)).Value;
                }
                catch (Exception exception) when (IsStorageFailure(exception) && !cancellationToken.IsCancellationRequested)
                {
                    LogPollFailed(logger, queue.Name, exception.Message);
                    await Task.Delay(MaxPoll, cancellationToken);
                    continue;
                }

                if (messages.Length == 0)
                {
                    empty++;
                    if (stopWhenEmpty && running.Count == 0)
                    {
                        break;
                    }

                    if (running.Count > 0)
                    {
                        running.Remove(await Task.WhenAny([.. running, Task.Delay(idle, cancellationToken)]) as Task ?? Task.CompletedTask);
                        running.RemoveWhere(task => task.IsCompleted);
                    }
                    else
                    {
                        await Task.Delay(idle, cancellationToken);
                    }

                    idle = TimeSpan.FromTicks(Math.Min(MaxPoll.Ticks, idle.Ticks * 2));
                    continue;
                }

                withMessages++;
                idle = MinPoll;
                received += messages.Length;
                foreach (var message in messages)
                {
                    running.Add(HandleAsync(message, cancellationToken));
                }
            }

            await Task.WhenAll(running);
        }
        finally
        {
            Receives = (Receives.WithMessages + withMessages, Receives.Empty + empty);
        }

        return received;
    }

    private async Task HandleAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        // Leave the receive loop at once, as the host's dispatcher does.
        await Task.Yield();
        var held = new HeldMessage(message.MessageId, message.PopReceipt);
        Exception? failure = null;
        using (var renewing = new CancellationTokenSource())
        {
            var renewal = RenewWhileRunningAsync(held, renewing.Token);
            try
            {
                await handler(message, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failure = exception;
            }
            finally
            {
                await renewing.CancelAsync();
                await renewal;
            }
        }

        if (failure is null)
        {
            try
            {
                await queue.DeleteMessageAsync(held.MessageId, held.PopReceipt, CancellationToken.None);
                Interlocked.Increment(ref handled);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failure = exception;
            }
        }

        Interlocked.Increment(ref failed);
        try
        {
            if (message.DequeueCount >= settings.MaxDequeueCount)
            {
                await poison.SendMessageAsync(message.MessageText, CancellationToken.None);
                await queue.DeleteMessageAsync(held.MessageId, held.PopReceipt, CancellationToken.None);
                LogPoisoned(logger, name, message.MessageId, message.DequeueCount, failure.GetType().Name);
            }
            else
            {
                await queue.UpdateMessageAsync(held.MessageId, held.PopReceipt, visibilityTimeout: settings.VisibilityTimeout, cancellationToken: CancellationToken.None);
                LogFailed(logger, name, message.MessageId, message.DequeueCount, failure.GetType().Name);
            }
        }
        catch (Exception settling) when (IsStorageFailure(settling))
        {
            // The lease runs out and the message comes back by itself, as it would after a host crash.
            LogSettleFailed(logger, name, message.MessageId, settling.Message);
        }
    }

    // Keeps a running message invisible, as the Functions host does: without it a handler slower than the lease (jobs behind
    // SendGrid timeouts and 429 waits) had its message delivered again while it still ran, and that second delivery took over
    // the first one's started send as if its worker had died. Only a process that died stops renewing.
    private async Task RenewWhileRunningAsync(HeldMessage held, CancellationToken stopped)
    {
        var lease = Lease;
        if (lease <= TimeSpan.Zero)
        {
            return;
        }

        var every = lease / RenewalsPerLease;
        while (true)
        {
            try
            {
                await Task.Delay(every, stopped);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                var renewed = await queue.UpdateMessageAsync(held.MessageId, held.PopReceipt, visibilityTimeout: lease, cancellationToken: CancellationToken.None);
                held.PopReceipt = renewed.Value.PopReceipt;
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                // The lease ran out before this renewal (a stalled process): the message is someone else's now.
                LogRenewalLost(logger, name, held.MessageId);
                return;
            }
            catch (Exception exception) when (IsStorageFailure(exception))
            {
                LogRenewalFailed(logger, name, held.MessageId, exception.Message);
            }
        }
    }

    // What storage being down looks like: one failed request, or, once the SDK's own retries are spent, an AggregateException of
    // them (an outage longer than those retries), or the SDK's network timeout. Missing the last two once let a long outage end
    // the loop for good: the queue was never polled again.
    private static bool IsStorageFailure(Exception exception) => exception switch
    {
        RequestFailedException or HttpRequestException or TimeoutException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsStorageFailure),
        OperationCanceledException => true,
        _ => false,
    };

    // The pop receipt changes with every renewal; the last one settles the message.
    private sealed class HeldMessage(string messageId, string popReceipt)
    {
        public string MessageId { get; } = messageId;

        public string PopReceipt { get; set; } = popReceipt;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function} failed on message {MessageId} (attempt {Attempt}, {Error}); it will be retried")]
    private static partial void LogFailed(ILogger logger, string function, string messageId, long attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Function} failed on message {MessageId} {Attempt} times ({Error}); moved to the poison queue")]
    private static partial void LogPoisoned(ILogger logger, string function, string messageId, long attempt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function}: could not settle message {MessageId} after a failure ({Error}); it returns when its lease ends")]
    private static partial void LogSettleFailed(ILogger logger, string function, string messageId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function}: message {MessageId} ran past its lease before it was renewed; another delivery may run it too")]
    private static partial void LogRenewalLost(ILogger logger, string function, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function}: renewing the lease of running message {MessageId} failed ({Error}); trying again")]
    private static partial void LogRenewalFailed(ILogger logger, string function, string messageId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling {Queue} failed: {Error}")]
    private static partial void LogPollFailed(ILogger logger, string queue, string error);
}
