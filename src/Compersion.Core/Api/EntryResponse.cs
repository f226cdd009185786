using Compersion.Core.Journal;

namespace Compersion.Core.Api;

/// <summary>One journal day as the API returns it.</summary>
/// <param name="Date">yyyy-MM-dd.</param>
/// <param name="Items">The items with their signals.</param>
public sealed record EntryResponse(string Date, IReadOnlyList<JournalItem> Items);
