namespace Compersion.Core.Subscribers;

/// <summary>
/// A sign-up typed for an address that is already a profile's (pending, or unsubscribed and coming back), waiting for the
/// link mailed to the address typed: the settings typed are carried here and applied only when that link is followed.
/// </summary>
/// <param name="Email">The address typed (the registered address or a further one), normalised; the confirmation goes there. Never logged.</param>
/// <param name="Zone">IANA zone id typed.</param>
/// <param name="PromptTime">Local time of the daily prompt typed.</param>
/// <param name="DigestDay">Local weekday of the digest typed.</param>
/// <param name="DigestTime">Local time of the digest typed.</param>
/// <param name="KindnessGoal">Weekly kindness goal typed.</param>
/// <param name="TwelveHourClock">Whether times are shown on a 12-hour clock.</param>
/// <param name="Nonce">The value signed into the link, so only the link mailed for this request applies it.</param>
/// <param name="Expires">When the link lapses.</param>
/// <param name="RequestedOn">The subscriber's local date of the request: the outbox mails one confirmation a day, so a later request that day (which gets no mail) never replaces the one mailed.</param>
public sealed record PendingSignUp(
    string Email,
    string Zone,
    LocalTime PromptTime,
    IsoDayOfWeek DigestDay,
    LocalTime DigestTime,
    int KindnessGoal,
    bool TwelveHourClock,
    int Nonce,
    Instant Expires,
    LocalDate RequestedOn)
{
    /// <summary>How long the link mailed for it works: as long as a first confirmation's.</summary>
    public static readonly Duration Lifetime = Duration.FromDays(3);

    /// <summary>The subscriber with the settings typed (zone, times, goal, clock); nothing else changed.</summary>
    public Subscriber AppliedTo(Subscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return subscriber with
        {
            Zone = Zone,
            PromptTime = PromptTime,
            DigestDay = DigestDay,
            DigestTime = DigestTime,
            KindnessGoal = KindnessGoal,
            TwelveHourClock = TwelveHourClock,
        };
    }
}
