namespace Compersion.Core.Api;

/// <summary>The result of an entries API call: the outcome, what was added or listed, or the problem in plain words.</summary>
/// <typeparam name="T">What a successful call returns.</typeparam>
/// <param name="Outcome">How the call ended.</param>
/// <param name="Value">What was added or listed, when it succeeded.</param>
/// <param name="Problem">What was wrong, in words a developer can act on, when it did not.</param>
public sealed record EntriesResult<T>(EntriesOutcome Outcome, T? Value, string? Problem)
    where T : class;
