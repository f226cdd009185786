namespace Compersion.Core.Journal;

/// <summary>A gratitude on a day's page, with its signals.</summary>
/// <param name="Number">Its place in the day, from 1.</param>
/// <param name="Text">As written.</param>
/// <param name="Social">Mentions a person.</param>
/// <param name="Vague">Too general to savour.</param>
/// <param name="Compersion">Joy noticed in someone else.</param>
/// <param name="Fingerprint">Its text's fingerprint, for the correction forms.</param>
public sealed record DayItemView(int Number, string Text, bool Social, bool Vague, bool Compersion, string Fingerprint);
