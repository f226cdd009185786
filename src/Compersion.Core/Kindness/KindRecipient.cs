namespace Compersion.Core.Kindness;

/// <summary>Who an act of kindness was for. Stored and shown by its lowercase name (<see cref="KindnessNames"/>).</summary>
public enum KindRecipient
{
    /// <summary>Not recognised; the digest asks about it kindly.</summary>
    Unclassified = 0,

    /// <summary>A romantic partner.</summary>
    Partner,

    /// <summary>A partner's other partner.</summary>
    Metamour,

    /// <summary>A relative.</summary>
    Family,

    /// <summary>A friend (also someone named without a relationship word).</summary>
    Friend,

    /// <summary>Someone from work.</summary>
    Coworker,

    /// <summary>Someone who lives nearby.</summary>
    Neighbour,

    /// <summary>Someone not known: a passer-by, a service worker.</summary>
    Stranger,

    /// <summary>A group or a place: a neighbourhood, a shelter, a school, the planet.</summary>
    Community,

    /// <summary>An animal.</summary>
    Animal,
}
