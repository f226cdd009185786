namespace Compersion.Core.Subscribers;

/// <summary>The address a subscriber moved away from, kept for <see cref="UndoWindow"/> so the notice sent there can undo the move.</summary>
/// <param name="Email">The old address, normalised. Never logged; forgotten when the window closes or the move is undone.</param>
/// <param name="Nonce">The confirmed request's nonce, signed into the undo link: a later move replaces it, so an older link undoes nothing.</param>
/// <param name="Until">When the undo link stops working.</param>
public sealed record PreviousAddress(string Email, int Nonce, Instant Until)
{
    /// <summary>How long the old address can undo a move: 7 days.</summary>
    public static readonly Duration UndoWindow = Duration.FromDays(7);
}
