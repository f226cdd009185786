namespace Compersion.Replies;

/// <summary>Recognises our own daily prompt when a client quotes it without <c>&gt;</c> markers.</summary>
/// <remarks>Keep <see cref="Question"/> in step with the first line of <c>Mail/Templates/prompt.text.liquid</c>; a test checks it.</remarks>
internal static class QuotePrompt
{
    /// <summary>The question that opens every daily prompt.</summary>
    public const string Question = "What are five things you're grateful for today?";

    /// <summary>Whether the line is the prompt's question (case, surrounding emphasis and curly apostrophes ignored).</summary>
    public static bool IsQuestion(ReadOnlySpan<char> line)
    {
        var text = line.Trim().Trim("*_ ");
        if (text.Length != Question.Length)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i] == '’' ? '\'' : text[i];
            if (char.ToLowerInvariant(c) != char.ToLowerInvariant(Question[i]))
            {
                return false;
            }
        }

        return true;
    }
}
