namespace Compersion.Core.Journal;

/// <summary>The answer to a correction.</summary>
/// <param name="Outcome">Saved, stale or invalid.</param>
/// <param name="Message">What happened, in words for the page.</param>
public sealed record CorrectionResult(CorrectionOutcome Outcome, string Message);
