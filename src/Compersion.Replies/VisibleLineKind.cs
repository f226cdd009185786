namespace Compersion.Replies;

/// <summary>What a line of a reply looks like before any rule is applied.</summary>
internal enum VisibleLineKind : byte
{
    /// <summary>Empty or whitespace only.</summary>
    Blank,

    /// <summary>Ordinary text.</summary>
    Text,

    /// <summary>Starts (after optional indentation) with a <c>&gt;</c> quote marker.</summary>
    Quote,
}
