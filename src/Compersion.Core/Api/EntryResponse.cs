using Compersion.Core.Journal;
using Compersion.Core.Kindness;

namespace Compersion.Core.Api;

/// <summary>One journal day as the API returns it.</summary>
/// <param name="Date">yyyy-MM-dd.</param>
/// <param name="Items">The items with their signals; empty on a day with only kind acts.</param>
/// <param name="Acts">The kind acts (category and recipient are null until acts are classified); empty when there are none.</param>
public sealed record EntryResponse(string Date, IReadOnlyList<JournalItem> Items, IReadOnlyList<KindAct> Acts);
