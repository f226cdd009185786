using System.Diagnostics.CodeAnalysis;

namespace Compersion.Core.Kindness;

/// <summary>The lowercase names of categories and recipients, as stored, tagged (<c>#gift @stranger</c>) and shown.</summary>
public static class KindnessNames
{
    /// <summary>The name of "not recognised", in either dimension.</summary>
    public const string Unclassified = "unclassified";

    /// <summary>Every category but <see cref="KindCategory.Unclassified"/>, in a fixed order.</summary>
    public static IReadOnlyList<KindCategory> Categories { get; } = [.. Enum.GetValues<KindCategory>().Where(c => c != KindCategory.Unclassified)];

    /// <summary>Every recipient but <see cref="KindRecipient.Unclassified"/>, in a fixed order.</summary>
    public static IReadOnlyList<KindRecipient> Recipients { get; } = [.. Enum.GetValues<KindRecipient>().Where(r => r != KindRecipient.Unclassified)];

    /// <summary>"words", "time" … or "unclassified".</summary>
    public static string Name(KindCategory category) => category.ToString().ToLowerInvariant();

    /// <summary>"partner", "neighbour" … or "unclassified".</summary>
    public static string Name(KindRecipient recipient) => recipient.ToString().ToLowerInvariant();

    /// <summary>Reads a category name in any case ("unclassified" included); false for anything else.</summary>
    public static bool TryParseCategory([NotNullWhen(true)] string? text, out KindCategory category)
    {
        foreach (var candidate in Enum.GetValues<KindCategory>())
        {
            if (string.Equals(Name(candidate), text, StringComparison.OrdinalIgnoreCase))
            {
                category = candidate;
                return true;
            }
        }

        category = KindCategory.Unclassified;
        return false;
    }

    /// <summary>Reads a recipient name in any case ("neighbor" is "neighbour"); false for anything else.</summary>
    public static bool TryParseRecipient([NotNullWhen(true)] string? text, out KindRecipient recipient)
    {
        if (string.Equals(text, "neighbor", StringComparison.OrdinalIgnoreCase))
        {
            recipient = KindRecipient.Neighbour;
            return true;
        }

        foreach (var candidate in Enum.GetValues<KindRecipient>())
        {
            if (string.Equals(Name(candidate), text, StringComparison.OrdinalIgnoreCase))
            {
                recipient = candidate;
                return true;
            }
        }

        recipient = KindRecipient.Unclassified;
        return false;
    }

    /// <summary>How a category reads in a sentence: "kind words", "time together" …</summary>
    public static string Phrase(KindCategory category) => category switch
    {
        KindCategory.Words => "kind words",
        KindCategory.Time => "time and attention",
        KindCategory.Help => "practical help",
        KindCategory.Gift => "a small gift",
        KindCategory.Food => "food",
        KindCategory.Generosity => "generosity",
        KindCategory.Skill => "a skill",
        KindCategory.Community => "care for the community",
        _ => "something kind",
    };

    /// <summary>How an act's kind and recipient read together: "kind words for a neighbour", "a skill shared with family".</summary>
    public static string Pairing(KindCategory category, KindRecipient recipient) => category switch
    {
        KindCategory.Skill => $"{Phrase(category)} shared with {Phrase(recipient)}",
        _ => $"{Phrase(category)} for {Phrase(recipient)}",
    };

    /// <summary>How a recipient reads in a sentence: "your partner", "a stranger" …</summary>
    public static string Phrase(KindRecipient recipient) => recipient switch
    {
        KindRecipient.Partner => "your partner",
        KindRecipient.Metamour => "a metamour",
        KindRecipient.Family => "family",
        KindRecipient.Friend => "a friend",
        KindRecipient.Coworker => "a coworker",
        KindRecipient.Neighbour => "a neighbour",
        KindRecipient.Stranger => "a stranger",
        KindRecipient.Community => "your community",
        KindRecipient.Animal => "an animal",
        _ => "someone",
    };
}
