namespace Compersion.Core.Export;

/// <summary>Everything stored for one subscriber, in a stable JSON shape (dates ISO 8601, times HH:mm).</summary>
/// <param name="Email">Their address.</param>
/// <param name="Settings">Their settings.</param>
/// <param name="Entries">Their journal, a day per date with gratitudes, kind acts or photos, oldest first.</param>
/// <param name="ExtraAddresses">The further addresses whose replies are saved to the journal (<c>ADD ADDRESS</c>); empty when none.</param>
public sealed record SubscriberExport(string Email, ExportSettings Settings, IReadOnlyList<ExportEntry> Entries, IReadOnlyList<string>? ExtraAddresses = null);
