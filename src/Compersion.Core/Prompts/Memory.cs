using Compersion.Core.Journal;

namespace Compersion.Core.Prompts;

/// <summary>One earlier gratitude to resurface, with the date it was written for.</summary>
/// <param name="Date">The local date of the entry it came from (shown in the mail).</param>
/// <param name="Item">The item itself.</param>
/// <param name="Kind">Why this date was chosen.</param>
internal sealed record Memory(LocalDate Date, JournalItem Item, MemoryKind Kind);
