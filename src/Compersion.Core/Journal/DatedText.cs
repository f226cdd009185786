namespace Compersion.Core.Journal;

/// <summary>A line of writing with the day it belongs to.</summary>
/// <param name="Iso">The date as links carry it.</param>
/// <param name="Date">"5 Mar 2026"-style short date.</param>
/// <param name="Text">As written.</param>
public sealed record DatedText(string Iso, string Date, string Text);
