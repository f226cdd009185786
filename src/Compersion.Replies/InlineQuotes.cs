namespace Compersion.Replies;

/// <summary>What <see cref="VisibleTextExtractor.Extract(string, InlineQuotes)"/> does with the quoted lines an inline reply answers.</summary>
public enum InlineQuotes
{
    /// <summary>Only what the writer typed: quoted lines are left out everywhere, answers between them kept (what becomes journal items).</summary>
    Omit,

    /// <summary>
    /// An inline reply (answers written between quoted lines) keeps the quoted lines it answers, as a
    /// reader of the thread sees it; the quoted message's own signature and older history below are
    /// still removed. A reply written above or below one quote is unaffected.
    /// </summary>
    Keep,
}
