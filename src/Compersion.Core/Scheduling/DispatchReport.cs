namespace Compersion.Core.Scheduling;

/// <summary>What one dispatcher run did.</summary>
/// <param name="Buckets">Buckets walked.</param>
/// <param name="Jobs">Jobs queued.</param>
/// <param name="Busy">True when another run held the wheel, so this one did nothing.</param>
public sealed record DispatchReport(int Buckets, int Jobs, bool Busy);
