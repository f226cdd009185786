using Compersion.Core.Journal;

namespace Compersion.Core.Export;

/// <summary>One journal day as exported.</summary>
/// <param name="Date">yyyy-MM-dd.</param>
/// <param name="Items">The items with their signals.</param>
public sealed record ExportEntry(string Date, IReadOnlyList<JournalItem> Items);
