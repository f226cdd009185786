namespace Compersion.Functions.Http;

/// <summary>The body of every API error: <c>{ "error": "…" }</c>.</summary>
/// <param name="Error">What was wrong, in plain words.</param>
public sealed record ApiError(string Error);
