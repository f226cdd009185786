namespace Compersion.Core.Journal;

/// <summary>One correction posted from a day's page.</summary>
/// <param name="Date">The day.</param>
/// <param name="IsAct">Whether it names a kind act (else a gratitude).</param>
/// <param name="Number">Its place in the day, from 1, as the page showed it.</param>
/// <param name="Fingerprint">The fingerprint of its text as the page showed it (<see cref="JournalViews.Fingerprint"/>), so a day that changed since is never edited blindly.</param>
/// <param name="Action">What to do.</param>
/// <param name="Text">The new text (for <see cref="CorrectionAction.Edit"/>).</param>
/// <param name="Category">The chosen category (for <see cref="CorrectionAction.Classify"/>).</param>
/// <param name="Recipient">The chosen recipient (for <see cref="CorrectionAction.Classify"/>).</param>
public sealed record Correction(LocalDate Date, bool IsAct, int Number, string Fingerprint, CorrectionAction Action, string Text = "", string Category = "", string Recipient = "");
