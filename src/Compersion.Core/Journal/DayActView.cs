namespace Compersion.Core.Journal;

/// <summary>A kind act on a day's page.</summary>
/// <param name="Number">Its place in the day, from 1.</param>
/// <param name="Text">As written.</param>
/// <param name="Category">Its category's name ("gift"), or "unclassified".</param>
/// <param name="Recipient">Its recipient's name ("neighbour"), or "unclassified".</param>
/// <param name="Chosen">The subscriber chose the category and recipient (shown as theirs).</param>
/// <param name="Fingerprint">Its text's fingerprint, for the correction forms.</param>
public sealed record DayActView(int Number, string Text, string Category, string Recipient, bool Chosen, string Fingerprint);
