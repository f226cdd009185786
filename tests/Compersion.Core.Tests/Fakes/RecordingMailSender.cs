using Compersion.Core.Sending;

namespace Compersion.Core.Tests.Fakes;

/// <summary>An <see cref="IMailSender"/> that keeps every mail it is handed and answers as told (sent, by default).</summary>
internal sealed class RecordingMailSender : IMailSender
{
    private readonly List<OutgoingMail> sent = [];

    public IReadOnlyList<OutgoingMail> Sent => sent;

    public SendResult Answer { get; set; } = SendResult.Sent("sg-1");

    public Task<SendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        sent.Add(mail);
        return Task.FromResult(Answer);
    }
}
