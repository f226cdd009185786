namespace Compersion.Core.Scheduling;

/// <summary>How far the dispatcher has walked the wheel, and who is walking it now.</summary>
/// <param name="ProcessedThrough">Every bucket up to and including this one has been dispatched.</param>
/// <param name="LeaseOwner">The run currently walking, if any.</param>
/// <param name="LeaseUntil">When that run's lease lapses (a crashed run is taken over after it).</param>
/// <param name="Version">Opaque optimistic-concurrency version (the table ETag); null when never stored.</param>
public sealed record DispatchCursor(ScheduleBucket ProcessedThrough, string? LeaseOwner, Instant? LeaseUntil, string? Version);
