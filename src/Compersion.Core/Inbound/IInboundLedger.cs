namespace Compersion.Core.Inbound;

/// <summary>One row per inbound message (keyed by a hash of its Message-ID, else of its content), recording its stage.</summary>
public interface IInboundLedger
{
    /// <summary>Records a message as received, or returns the stage an earlier delivery reached.</summary>
    Task<InboundStage> BeginAsync(string messageKey, string archiveName, CancellationToken cancellationToken = default);

    /// <summary>Moves a message to a later stage (never backwards); <paramref name="detail"/> is an address-free reason or id.</summary>
    Task AdvanceAsync(string messageKey, InboundStage stage, string? subscriberId, string? detail, CancellationToken cancellationToken = default);

    /// <summary>Claims the right to send this message's answer; false when an earlier delivery already claimed it.</summary>
    Task<bool> TryClaimAnswerAsync(string messageKey, CancellationToken cancellationToken = default);
}
