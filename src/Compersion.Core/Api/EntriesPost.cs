namespace Compersion.Core.Api;

/// <summary>What a client posts to the entries API, as read from its JSON (the shape is checked by the trigger).</summary>
/// <param name="Date">The day, <c>yyyy-MM-dd</c>, or null for today in the subscriber's zone.</param>
/// <param name="Items">The gratitudes (may be empty).</param>
/// <param name="Acts">The kind acts (may be empty).</param>
public sealed record EntriesPost(string? Date, IReadOnlyList<string> Items, IReadOnlyList<string> Acts);
