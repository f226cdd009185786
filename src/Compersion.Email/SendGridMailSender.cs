using Compersion.Core.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Reliability;

namespace Compersion.Email;

/// <summary>Sends mail through SendGrid's v3 API, over the <c>SendGrid</c> client from <see cref="IHttpClientFactory"/>.</summary>
/// <remarks>
/// Retries (429 and connections never made) happen in that client's Polly policy (<see cref="SendGridHttpPolicy"/>);
/// SendGrid's own retry handler is never installed, since it is only added to clients the library builds itself,
/// and its <see cref="ReliabilitySettings"/> are left at zero retries besides.
/// If the caller's token is cancelled the <see cref="OperationCanceledException"/> propagates: the mail may or may
/// not have been accepted by then, so the caller treats it like <see cref="SendOutcome.Uncertain"/>.
/// </remarks>
internal sealed partial class SendGridMailSender(
    IHttpClientFactory httpClientFactory,
    IOptions<SendGridOptions> options,
    ILogger<SendGridMailSender> logger) : IMailSender
{
    /// <summary>The name of the HTTP client (and its policies) in <see cref="IHttpClientFactory"/>.</summary>
    public const string HttpClientName = "SendGrid";

    private const string MessageIdHeader = "X-Message-Id";

    /// <inheritdoc />
    public async Task<SendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        cancellationToken.ThrowIfCancellationRequested();

        var message = SendGridMessageFactory.Create(mail);
        if (mail.Tags.Any(tag => !SendGridMessageFactory.IsOpaque(tag.Key) || !SendGridMessageFactory.IsOpaque(tag.Value)))
        {
            LogTagWithheld(logger, mail.Kind);
        }

        Response response;
        try
        {
            response = await CreateClient().SendEmailAsync(message, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && SendGridOutcomes.FromException(exception) is { } failure)
        {
            LogFailed(logger, mail.Kind, failure.Outcome, failure.Reason, exception);
            return failure;
        }

        response.Body?.Dispose();
        var messageId = response.Headers is not null && response.Headers.TryGetValues(MessageIdHeader, out var ids) ? ids.FirstOrDefault() : null;
        var result = SendGridOutcomes.FromStatusCode(response.StatusCode, messageId);
        if (result.Outcome == SendOutcome.Sent)
        {
            LogSent(logger, mail.Kind, messageId);
        }
        else
        {
            LogRefused(logger, mail.Kind, result.Outcome, (int)response.StatusCode);
        }

        return result;
    }

    private SendGridClient CreateClient()
    {
        var settings = options.Value;
        var clientOptions = new SendGridClientOptions
        {
            ApiKey = settings.ApiKey,
            Host = settings.EffectiveHost,
            ReliabilitySettings = new ReliabilitySettings(),
        };
        return new SendGridClient(httpClientFactory.CreateClient(HttpClientName), clientOptions);
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "SendGrid accepted a {Kind} mail as {MessageId}")]
    private static partial void LogSent(ILogger logger, string kind, string? messageId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "SendGrid answered {StatusCode} for a {Kind} mail: {Outcome}")]
    private static partial void LogRefused(ILogger logger, string kind, SendOutcome outcome, int statusCode);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Sending a {Kind} mail to SendGrid failed: {Outcome} ({Reason})")]
    private static partial void LogFailed(ILogger logger, string kind, SendOutcome outcome, string? reason, Exception exception);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "A tag of a {Kind} mail looked like an address and was not sent to SendGrid")]
    private static partial void LogTagWithheld(ILogger logger, string kind);
}
