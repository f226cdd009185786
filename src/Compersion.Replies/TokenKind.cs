namespace Compersion.Replies;

/// <summary>What a <see cref="Token"/> is.</summary>
public enum TokenKind
{
    /// <summary>A word (letters, with inner apostrophes or hyphens).</summary>
    Word,

    /// <summary>A number, or a word starting with a digit ("3pm").</summary>
    Number,

    /// <summary>The end of a sentence or clause (<c>. ! ? ;</c>).</summary>
    Break,
}
