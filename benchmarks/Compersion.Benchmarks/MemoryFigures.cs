namespace Compersion.Benchmarks;

/// <summary>Memory seen during the end-to-end run.</summary>
/// <param name="PeakWorkingSet">This process's largest working set during the measured run, in bytes.</param>
/// <param name="PeakManagedHeap">The largest managed heap during the measured run, in bytes.</param>
/// <param name="Allocated">Bytes allocated during the measured run.</param>
/// <param name="Collections">Garbage collections during the measured run, per generation.</param>
/// <param name="ProcessPeakWorkingSet">This process's largest working set since it started (seeding included), in bytes.</param>
/// <param name="AzuritePeakWorkingSet">The Azurite (Node.js) process's largest working set, in bytes; it holds every row in memory.</param>
internal sealed record MemoryFigures(
    long PeakWorkingSet,
    long PeakManagedHeap,
    long Allocated,
    (int Gen0, int Gen1, int Gen2) Collections,
    long ProcessPeakWorkingSet,
    long AzuritePeakWorkingSet);
