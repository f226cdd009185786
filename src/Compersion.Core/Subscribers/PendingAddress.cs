namespace Compersion.Core.Subscribers;

/// <summary>A new address a subscriber asked for, waiting for the link sent to it.</summary>
/// <param name="Email">The new address, normalised. Never logged.</param>
/// <param name="Nonce">The value signed into the link, so only the link mailed for this request confirms it (an earlier request's link does not).</param>
/// <param name="Expires">When the link lapses.</param>
/// <param name="Extra">True for a further sending address (<c>ADD ADDRESS</c>), added beside the registered one; false for a move to a new address.</param>
public sealed record PendingAddress(string Email, int Nonce, Instant Expires, bool Extra = false);
