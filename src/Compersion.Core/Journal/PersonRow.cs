namespace Compersion.Core.Journal;

/// <summary>One person on the people page.</summary>
/// <param name="Name">As the digest writes them: "Sam", "your mum", "the barista".</param>
/// <param name="Days">Days they appear on in the twelve months.</param>
/// <param name="Months">Days they appear on, per month, oldest month first (twelve numbers).</param>
/// <param name="Joy">Joy noticed in them (compersion items that name them), newest first, a few.</param>
public sealed record PersonRow(string Name, int Days, IReadOnlyList<int> Months, IReadOnlyList<DatedText> Joy);
