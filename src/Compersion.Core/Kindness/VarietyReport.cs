namespace Compersion.Core.Kindness;

/// <summary>How varied a subscriber's recent acts of kindness are.</summary>
/// <param name="Acts">How many recent acts were measured.</param>
/// <param name="Classified">How many of them have both a category and a recipient (only these are measured).</param>
/// <param name="DistinctPairs">Distinct (category, recipient) pairs among the classified acts.</param>
/// <param name="CategoryEvenness">Normalised Shannon entropy of the categories, 0 (all alike) to 1 (as varied as the count allows).</param>
/// <param name="RecipientEvenness">The same for the recipients.</param>
/// <param name="Repeat">The latest act, when it repeats the previous act's category and recipient; else null.</param>
public sealed record VarietyReport(int Acts, int Classified, int DistinctPairs, double CategoryEvenness, double RecipientEvenness, LoggedAct? Repeat);
