namespace Compersion.Core.Journal;

/// <summary>What one weekly digest suggested, remembered so a re-sent digest repeats it and later ones don't.</summary>
/// <param name="Date">The digest's local date.</param>
/// <param name="IdeaIds">The ids of the catalog ideas it suggested, in order.</param>
public sealed record DigestRecord(LocalDate Date, IReadOnlyList<string> IdeaIds);
