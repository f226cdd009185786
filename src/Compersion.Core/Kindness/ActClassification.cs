namespace Compersion.Core.Kindness;

/// <summary>What an act of kindness was and who it was for, with the words that decided each.</summary>
/// <param name="Category">The kind of act; <see cref="KindCategory.Unclassified"/> when nothing said.</param>
/// <param name="Recipient">Who it was for; <see cref="KindRecipient.Unclassified"/> when nothing said.</param>
/// <param name="CategoryReason">Why, in words: <c>tag #gift</c>, <c>words: baked, cookies</c>, or <c>nothing recognised</c>.</param>
/// <param name="RecipientReason">Why, in words: <c>tag @stranger</c>, <c>neighbour</c>, <c>name: Priya</c>, or <c>nothing recognised</c>.</param>
public sealed record ActClassification(KindCategory Category, KindRecipient Recipient, string CategoryReason, string RecipientReason)
{
    /// <summary>The act as stored: its text as written, with the category and recipient names.</summary>
    public KindAct ToAct(string text) => new(text, KindnessNames.Name(Category), KindnessNames.Name(Recipient));

    /// <summary>"help for neighbour (words: shovelled; neighbour)".</summary>
    public override string ToString() =>
        $"{KindnessNames.Name(Category)} for {KindnessNames.Name(Recipient)} ({CategoryReason}; {RecipientReason})";
}
