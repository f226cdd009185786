namespace Compersion.Replies;

/// <summary>One word, number or sentence break of an item, as the signal rules see it.</summary>
/// <param name="Text">The word as written, without a possessive <c>'s</c> or a French elision.</param>
/// <param name="Lower"><paramref name="Text"/> in lower case.</param>
/// <param name="Kind">Word, number or break.</param>
/// <param name="SentenceStart">Whether the word opens a sentence (so its capital says nothing).</param>
/// <param name="Possessive">Whether it was written with a possessive <c>'s</c> ("Sam's").</param>
/// <param name="Negated">Whether it is a negation ("wasn't", "not").</param>
public readonly record struct Token(string Text, string Lower, TokenKind Kind, bool SentenceStart, bool Possessive, bool Negated)
{
    /// <summary>Whether punctuation stands between this word and the one before it ("Kate, Tom", "Kate/Tom"), so the two are not one phrase or one name.</summary>
    public bool AfterPunctuation { get; init; }
}
