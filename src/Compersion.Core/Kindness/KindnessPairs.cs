namespace Compersion.Core.Kindness;

/// <summary>Which (category, recipient) pairs make sense together: the catalog holds ideas for these and only these.</summary>
/// <remarks>
/// Generosity (money-ish giving) is for strangers, communities and animals; among people close to you it reads as a
/// gift. Care for the community is for the community and for animals. Animals get no words and no skills.
/// </remarks>
public static class KindnessPairs
{
    private static readonly KindCategory[] Personal =
        [KindCategory.Words, KindCategory.Time, KindCategory.Help, KindCategory.Gift, KindCategory.Food, KindCategory.Skill];

    private static readonly Dictionary<KindRecipient, KindCategory[]> Sensible = new()
    {
        [KindRecipient.Partner] = Personal,
        [KindRecipient.Metamour] = Personal,
        [KindRecipient.Family] = Personal,
        [KindRecipient.Friend] = Personal,
        [KindRecipient.Coworker] = Personal,
        [KindRecipient.Neighbour] = Personal,
        [KindRecipient.Stranger] = [.. Personal, KindCategory.Generosity],
        [KindRecipient.Community] =
            [KindCategory.Words, KindCategory.Time, KindCategory.Help, KindCategory.Food, KindCategory.Generosity, KindCategory.Skill, KindCategory.Community],
        [KindRecipient.Animal] = [KindCategory.Time, KindCategory.Help, KindCategory.Gift, KindCategory.Food, KindCategory.Generosity, KindCategory.Community],
    };

    /// <summary>Every sensible pair, recipients in order, then categories in order.</summary>
    public static IReadOnlyList<(KindCategory Category, KindRecipient Recipient)> All { get; } =
        [.. KindnessNames.Recipients.SelectMany(recipient => KindnessNames.Categories.Where(category => IsSensible(category, recipient)).Select(category => (category, recipient)))];

    /// <summary>Whether an idea of <paramref name="category"/> for <paramref name="recipient"/> makes sense.</summary>
    public static bool IsSensible(KindCategory category, KindRecipient recipient) =>
        Sensible.TryGetValue(recipient, out var categories) && categories.Contains(category);
}
