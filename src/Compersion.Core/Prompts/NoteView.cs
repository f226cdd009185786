namespace Compersion.Core.Prompts;

/// <summary>What a short note (receipt, command confirmation, help) shows.</summary>
/// <param name="Paragraphs">The note's paragraphs, plain text (escaped in HTML).</param>
/// <param name="Items">Items to list (e.g. what was saved); may be empty.</param>
/// <param name="Signature">The sender name.</param>
internal sealed record NoteView(IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Items, string Signature);
