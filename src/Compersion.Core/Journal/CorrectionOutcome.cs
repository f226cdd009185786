namespace Compersion.Core.Journal;

/// <summary>What became of a correction.</summary>
public enum CorrectionOutcome
{
    /// <summary>Saved.</summary>
    Saved = 0,

    /// <summary>The item is not there as the page showed it (changed, moved, deleted — perhaps by this very form posted twice); nothing changed.</summary>
    Stale = 1,

    /// <summary>The posted values are not acceptable (empty or too long text, unknown category); nothing changed.</summary>
    Invalid = 2,
}
