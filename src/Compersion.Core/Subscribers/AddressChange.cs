namespace Compersion.Core.Subscribers;

/// <summary>The result of <see cref="ISubscriberStore.ChangeAddressAsync"/>.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Before">The subscriber as read before the change (null when gone).</param>
/// <param name="After">The subscriber as stored afterwards (null when gone).</param>
public sealed record AddressChange(AddressChangeStatus Status, Subscriber? Before, Subscriber? After);
