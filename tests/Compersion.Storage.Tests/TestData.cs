using Compersion.Core.Subscribers;
using NodaTime;

namespace Compersion.Storage.Tests;

/// <summary>Builders for domain values used across the tests.</summary>
internal static class TestData
{
    public static readonly Instant SignUpTime = Instant.FromUtc(2025, 3, 1, 9, 30, 15) + Duration.FromNanoseconds(123_456_789);

    public static string NewAddress() => $"person.{Guid.NewGuid():N}@example.org";

    public static Subscriber NewSubscriber(string? email = null) => new(
        SubscriberId.New(),
        email ?? NewAddress(),
        "Europe/Berlin",
        new LocalTime(7, 30),
        IsoDayOfWeek.Sunday,
        new LocalTime(18, 0),
        SubscriberStatus.Pending,
        SignUpTime,
        ConfirmedAt: null,
        LastReplyDate: null);
}
