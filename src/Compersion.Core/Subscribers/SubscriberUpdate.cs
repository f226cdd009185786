namespace Compersion.Core.Subscribers;

/// <summary>What one <see cref="SubscriberStoreExtensions.ApplyAsync"/> did, as the attempt that was written saw it.</summary>
/// <param name="Before">The stored subscriber the written attempt changed; null when there is none.</param>
/// <param name="After">The stored subscriber afterwards; null when there is none.</param>
/// <param name="Changed">Whether that attempt's change differed from what it read: true for exactly one of any number of concurrent callers making the same change.</param>
public sealed record SubscriberUpdate(Subscriber? Before, Subscriber? After, bool Changed);
