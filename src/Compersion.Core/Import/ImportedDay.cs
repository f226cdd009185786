namespace Compersion.Core.Import;

/// <summary>One day read from an imported file, before item splitting.</summary>
/// <param name="Date">The day's date.</param>
/// <param name="Text">Its text (HTML already turned into text).</param>
/// <param name="Line">Where it starts in the file: the heading's line number, or the entry's position in a JSON array.</param>
public sealed record ImportedDay(LocalDate Date, string Text, int Line);
