namespace Compersion.Core.Mail;

/// <summary>What a short note (receipt, command answer, help, farewell) shows.</summary>
/// <param name="Heading">The note's one heading (its subject).</param>
/// <param name="Blocks">The note's blocks, in order; plain text (escaped in HTML).</param>
/// <param name="Signature">The sender name.</param>
internal sealed record NoteView(string Heading, IReadOnlyList<NoteBlock> Blocks, string Signature);
