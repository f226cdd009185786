namespace Compersion.Core.Api;

/// <summary>The body of every API error.</summary>
/// <param name="Error">What was wrong, in plain words.</param>
public sealed record ApiError(string Error);
