namespace Compersion.Core.Access;

/// <summary>What a settings link opens.</summary>
public enum SettingsAccessOutcome
{
    /// <summary>A genuine, unexpired link of someone who exists: the settings page.</summary>
    Open = 0,

    /// <summary>Genuine but older than 24 hours: offer to mail a fresh one.</summary>
    Expired = 1,

    /// <summary>Not one of our settings links (altered, cut short, another purpose).</summary>
    Invalid = 2,

    /// <summary>Genuine, but its subscriber has deleted everything.</summary>
    Gone = 3,
}
