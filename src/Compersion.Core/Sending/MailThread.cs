namespace Compersion.Core.Sending;

/// <summary>The mail an answer replies to, so mail clients show the answer in the same conversation.</summary>
/// <param name="MessageId">Its Message-ID, without angle brackets; null when it had none.</param>
/// <param name="Subject">Its subject, decoded; null when it had none.</param>
public sealed record MailThread(string? MessageId, string? Subject)
{
    private const int MaxSubjectLength = 200;

    /// <summary>The answer's subject: <c>Re: </c> and the original's (once, however many <c>Re:</c> it had), else <paramref name="fallback"/>.</summary>
    public string SubjectOr(string fallback)
    {
        var subject = Subject?.ReplaceLineEndings(" ").Trim();
        if (string.IsNullOrEmpty(subject))
        {
            return fallback;
        }

        subject = subject.Length > MaxSubjectLength ? subject[..MaxSubjectLength] : subject;
        return subject.StartsWith("Re:", StringComparison.OrdinalIgnoreCase) ? subject : "Re: " + subject;
    }

    /// <summary>The <c>In-Reply-To</c> and <c>References</c> headers naming the original; none when its Message-ID is missing or odd.</summary>
    public IEnumerable<KeyValuePair<string, string>> Headers()
    {
        // A Message-ID is one token: anything with spaces, brackets or control characters is not trusted into a header.
        if (MessageId is not { Length: > 0 and <= 250 } id || id.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ','))
        {
            yield break;
        }

        yield return new("In-Reply-To", $"<{id}>");
        yield return new("References", $"<{id}>");
    }
}
