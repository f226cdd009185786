using Compersion.Core.Common;
using Compersion.Core.Security;

namespace Compersion.Core.Prompts;

/// <summary>The prompt's few lines of guidance, in the article's voice, in several phrasings so no two days read alike.</summary>
/// <remarks>
/// A subscriber walks the phrasings one a day, from an offset of their own: never the same two days running, and the
/// article's own example (the boyfriend who brought lunch) comes once every <see cref="Phrasings"/>.Count days, not daily.
/// Five phrasings against eight themes: the pair of them repeats only every forty days.
/// </remarks>
internal static class Guidance
{
    /// <summary>Every phrasing; the first quotes the article's example.</summary>
    public static IReadOnlyList<string> Phrasings { get; } =
    [
        "Be as specific and detailed as you can, and let at least one be about a person. Not \u201cthe people I love\u201d, but something more like \u201cthat my boyfriend brought me lunch even though it was really far out of his way\u201d.",
        "Specific beats general: not \u201cmy friends\u201d, but the friend who texted at just the right moment, and what she said. Let at least one of the five be about a person.",
        "Elaborate a little: what happened, who was there, why it mattered. Make sure at least one is about someone in your life.",
        "Small is perfect: a detail you would otherwise forget. Let one of them be a person, and what they did.",
        "Think of the people in your day: who helped, who made you laugh, whose good news you heard. One of them, and four more things, as specific as you like.",
    ];

    /// <summary>The guidance for one subscriber on one local date.</summary>
    public static string For(string subscriberId, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(subscriberId);
        var count = Phrasings.Count;
        var offset = StableHash.Index(count, subscriberId, "guidance");
        var day = (long)date.DaysSinceEpoch() + offset;
        return Phrasings[(int)(((day % count) + count) % count)];
    }
}
