namespace Compersion.Core.Api;

/// <summary>How an entries API call ended.</summary>
public enum EntriesOutcome
{
    /// <summary>The post's items and acts were stored (or had been, by the same post before).</summary>
    Added,

    /// <summary>The days asked for were read.</summary>
    Listed,

    /// <summary>No token, or one that names nobody.</summary>
    Unauthorized,

    /// <summary>The request breaks a rule (nothing to save, too many or too long, a date out of range); see the problem.</summary>
    Invalid,
}
