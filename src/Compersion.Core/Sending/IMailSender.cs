namespace Compersion.Core.Sending;

/// <summary>Hands a composed mail to a delivery mechanism (a port; Email implements SendGrid and a pickup folder).</summary>
public interface IMailSender
{
    /// <summary>Sends one mail. Expected failures are results, not exceptions.</summary>
    Task<SendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}
