using System.Collections.Concurrent;
using System.Globalization;
using Compersion.Core.Sending;

namespace Compersion.Storage.Tests.EndToEnd;

/// <summary>An <see cref="IMailSender"/> that keeps every mail handed to it and answers what the test tells it to.</summary>
internal sealed class RecordingMailSender : IMailSender
{
    private readonly ConcurrentQueue<(OutgoingMail Mail, SendResult Result)> attempts = new();
    private int sentCount;

    /// <summary>How the next sends are answered; null (the default) accepts every mail with a fresh provider message id.</summary>
    public Func<OutgoingMail, SendResult>? Respond { get; set; }

    /// <summary>Every mail handed over, whatever the answer was.</summary>
    public IReadOnlyList<OutgoingMail> Attempts => [.. attempts.Select(attempt => attempt.Mail)];

    /// <summary>The mails that were answered <see cref="SendOutcome.Sent"/>: what subscribers received.</summary>
    public IReadOnlyList<OutgoingMail> Delivered => [.. attempts.Where(attempt => attempt.Result.Outcome == SendOutcome.Sent).Select(attempt => attempt.Mail)];

    /// <summary>Like <see cref="Respond"/>, awaited before answering: lets a test act while this send is still in the provider's call.</summary>
    public Func<OutgoingMail, Task<SendResult>>? RespondAsync { get; set; }

    public async Task<SendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        var result = RespondAsync is { } respondAsync
            ? await respondAsync(mail)
            : Respond?.Invoke(mail) ?? SendResult.Sent("msg-" + Interlocked.Increment(ref sentCount).ToString(CultureInfo.InvariantCulture));
        attempts.Enqueue((mail, result));
        return result;
    }
}
