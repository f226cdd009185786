namespace Compersion.Core.Mail;

/// <summary>What the weekly check-in templates show.</summary>
/// <param name="DateLabel">The check-in's date.</param>
/// <param name="HasMemory">Whether an earlier item is resurfaced.</param>
/// <param name="MemoryLead">The dated lead-in of the memory.</param>
/// <param name="MemoryText">The memory's text, quoted; user text, escaped in HTML.</param>
/// <param name="Signature">The sender name.</param>
internal sealed record CheckInView(string DateLabel, bool HasMemory, string MemoryLead, string MemoryText, string Signature);
