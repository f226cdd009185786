using System.Globalization;
using Compersion.Core.Security;
using NodaTime;

namespace Compersion.Core.Prompts;

/// <summary>Chooses the theme of the day so that the prompt never reads the same two days running.</summary>
/// <remarks>
/// Days are grouped in blocks of eight (one per theme). Each block is a shuffle of all eight
/// themes, seeded by the subscriber and the block, so every theme comes round once in every
/// block and subscribers are not in lockstep. Where a block would open with the theme that closed
/// the block before it, its first two themes are swapped; that swap never touches a block's last
/// day, so the rule needs no look-back beyond one block and stays true across any date boundary.
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
        var block = Math.DivRem(day, count, out var position);
        if (position < 0)
        {
            block--;
            position += count;
        }

        var order = Shuffle(subscriberId, block);
        if (order[0] == Shuffle(subscriberId, block - 1)[count - 1])
        {
            (order[0], order[1]) = (order[1], order[0]);
        }

        return All[order[position]];
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
