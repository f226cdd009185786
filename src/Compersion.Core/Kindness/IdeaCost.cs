namespace Compersion.Core.Kindness;

/// <summary>What an idea costs, roughly.</summary>
public enum IdeaCost
{
    /// <summary>Nothing but a little time.</summary>
    Free = 0,

    /// <summary>A few euros or dollars.</summary>
    Small,

    /// <summary>More than that.</summary>
    Some,
}
