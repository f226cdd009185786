using Compersion.Core.Journal;
using Compersion.Core.Kindness;

namespace Compersion.Core.Export;

/// <summary>One journal day as exported.</summary>
/// <param name="Date">yyyy-MM-dd.</param>
/// <param name="Items">The items with their signals; empty on a day with only kind acts.</param>
/// <param name="Acts">The kind acts logged that day; empty when there are none.</param>
/// <param name="Photos">The photos kept with the day (the zip holds them at their <see cref="ExportPhoto.Path"/>); empty when there are none.</param>
public sealed record ExportEntry(string Date, IReadOnlyList<JournalItem> Items, IReadOnlyList<KindAct> Acts, IReadOnlyList<ExportPhoto> Photos);
