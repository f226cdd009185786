namespace Compersion.Core.Mail;

/// <summary>A note template rendered: its subject and its body as blocks.</summary>
/// <param name="Subject">The subject line, also the note's heading.</param>
/// <param name="Blocks">The body, in order.</param>
internal sealed record RenderedNote(string Subject, IReadOnlyList<NoteBlock> Blocks);
