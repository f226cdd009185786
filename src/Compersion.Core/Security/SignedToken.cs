namespace Compersion.Core.Security;

/// <summary>The verified contents of a token.</summary>
/// <param name="Purpose">What it was issued for.</param>
/// <param name="SubscriberId">Whose it is.</param>
/// <param name="Value">A local date (days since 1970-01-01) or an expiry (minutes since the Unix epoch), by purpose.</param>
public sealed record SignedToken(TokenPurpose Purpose, string SubscriberId, int Value);
