namespace Compersion.Core.Kindness;

/// <summary>Where an idea is done.</summary>
public enum IdeaSetting
{
    /// <summary>At home.</summary>
    Home = 0,

    /// <summary>At work.</summary>
    Work,

    /// <summary>Out and about.</summary>
    Public,

    /// <summary>Online.</summary>
    Online,
}
