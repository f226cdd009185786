namespace Compersion.Core.Subscribers;

/// <summary>The settings form's fields beyond the schedule, as posted: the pause, and each mail on or off.</summary>
/// <param name="Status"><c>active</c>, <c>paused</c>, <c>until</c> (paused until <paramref name="PauseUntil"/>), or absent to leave the status alone.</param>
/// <param name="PauseUntil">The date a pause ends, <c>yyyy-MM-dd</c> (a date input).</param>
/// <param name="Prompts"><c>on</c> or <c>off</c>; absent leaves it as it is.</param>
/// <param name="Digest"><c>on</c> or <c>off</c>; absent leaves it as it is.</param>
public sealed record SettingsSwitches(string? Status, string? PauseUntil, string? Prompts, string? Digest);
