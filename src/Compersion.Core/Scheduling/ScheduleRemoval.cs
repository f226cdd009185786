namespace Compersion.Core.Scheduling;

/// <summary>What a conditional removal of schedule rows found that it could not remove.</summary>
/// <param name="Gone">Rows someone else removed meanwhile (a settings change moved them away).</param>
/// <param name="Changed">Rows someone else rewrote meanwhile (a settings change put a row in the same place); they are kept.</param>
public sealed record ScheduleRemoval(IReadOnlyList<ScheduleEntry> Gone, IReadOnlyList<ScheduleEntry> Changed)
{
    /// <summary>Every row was removed as asked.</summary>
    public static ScheduleRemoval None { get; } = new([], []);
}
