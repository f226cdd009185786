using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Compersion.Email;

/// <summary>The resilience policy of the <c>SendGrid</c> HTTP client: safe retries outside, a per-attempt timeout inside.</summary>
/// <remarks>
/// Built once (a singleton) on the shared <see cref="TimeProvider"/>, so tests drive its waits with a fake clock.
/// The HTTP client itself has no timeout: a 429 wait must not turn into a timeout reported as uncertain.
/// </remarks>
internal sealed partial class SendGridHttpPolicy
{
    public SendGridHttpPolicy(TimeProvider timeProvider, IOptions<SendGridOptions> options, ILogger<SendGridHttpPolicy> logger)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);

        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = SendGridRetryRules.MaxRetries,
                ShouldHandle = args => ValueTask.FromResult(
                    SendGridRetryRules.ShouldRetry(args.Outcome.Result?.StatusCode, args.Outcome.Exception)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    SendGridRetryRules.GetDelay(args.AttemptNumber, args.Outcome.Result, timeProvider.GetUtcNow())),
                OnRetry = args =>
                {
                    var cause = args.Outcome.Result is { } response
                        ? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)
                        : args.Outcome.Exception?.GetType().Name ?? "unknown";
                    LogRetrying(logger, args.AttemptNumber + 1, args.RetryDelay, cause);
                    return default;
                },
            })
            .AddTimeout(new TimeoutStrategyOptions { Timeout = options.Value.RequestTimeout })
            .Build();

        Policy = pipeline.AsAsyncPolicy();
    }

    /// <summary>The policy handed to <c>AddPolicyHandler</c>.</summary>
    public IAsyncPolicy<HttpResponseMessage> Policy { get; }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "SendGrid attempt failed safely ({Cause}); retry {Retry} in {Delay}")]
    private static partial void LogRetrying(ILogger logger, int retry, TimeSpan delay, string cause);
}
