namespace Compersion.Core.Journal;

/// <summary>A gratitude or kind act that matches a search.</summary>
/// <param name="Kind">"gratitude" or "kind act".</param>
/// <param name="Text">As written.</param>
public sealed record SearchHit(string Kind, string Text);
