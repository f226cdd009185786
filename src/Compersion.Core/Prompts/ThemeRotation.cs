using System.Globalization;
using Compersion.Core.Common;
using Compersion.Core.Security;

namespace Compersion.Core.Prompts;

/// <summary>Chooses the theme of the day so that no theme comes back within a week.</summary>
/// <remarks>
/// Each subscriber has their own order of the eight themes (a shuffle seeded by their id), walked one theme a day and
/// round again: every theme comes once in every eight days, so never twice in seven, never two days running, across
/// any date boundary, with no record of what was sent. Subscribers are not in lockstep; the day's guidance
/// (<see cref="Guidance"/>) rotates on a cycle of another length, so the prompt as a whole does not repeat weekly.
/// </remarks>
internal static class ThemeRotation
{
    /// <summary>Every theme, in no particular order.</summary>
    public static IReadOnlyList<Theme> All { get; } =
    [
        new("People", "Who made today a little better? Name them, and say what they did."),
        new("Small moments", "Think small: a warm cup, a kind word, a song that came on at the right time."),
        new("Someone else's joy", "Whose happiness did you notice today? Their joy can be yours too."),
        new("Body and health", "What did your body carry you through today? A walk, a stretch, a good night's sleep."),
        new("Home", "What about home felt good today: a corner, a meal, someone you share it with?"),
        new("Work", "Who or what made your work easier today, paid or unpaid?"),
        new("Nature", "What did you notice outdoors today? The light, the weather, a tree, an animal."),
        new("A hard thing that taught you something", "Was something hard today? If it taught you something, that can count too. Go gently."),
    ];

    /// <summary>The theme for one subscriber on one local date.</summary>
    public static Theme For(string subscriberId, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(subscriberId);
        var count = All.Count;
        var day = (long)date.DaysSinceEpoch();
        var position = (int)(((day % count) + count) % count);

        return All[Shuffle(subscriberId, 0)[position]];
    }

    private static int[] Shuffle(string subscriberId, long block)
    {
        var order = Enumerable.Range(0, All.Count).ToArray();
        var state = StableHash.Of(subscriberId, "theme", block.ToString(CultureInfo.InvariantCulture));
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = (int)(StableHash.Next(ref state) % (ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }
}
