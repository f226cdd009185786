using Compersion.Core.Subscribers;

namespace Compersion.Storage.Subscribers;

/// <summary>A sign-up typed again waiting for its link (<see cref="PendingSignUp"/>), as the JSON of one profile column.</summary>
internal sealed record StoredSignUp(
    string Email,
    string Zone,
    string PromptTime,
    int DigestDay,
    string DigestTime,
    int KindnessGoal,
    bool TwelveHourClock,
    int Nonce,
    string Expires,
    string RequestedOn)
{
    public static StoredSignUp From(PendingSignUp request) => new(
        request.Email,
        request.Zone,
        StoredFormats.Format(request.PromptTime),
        (int)request.DigestDay,
        StoredFormats.Format(request.DigestTime),
        request.KindnessGoal,
        request.TwelveHourClock,
        request.Nonce,
        StoredFormats.Format(request.Expires),
        StoredFormats.Format(request.RequestedOn));

    public PendingSignUp ToPendingSignUp() => new(
        Email,
        Zone,
        StoredFormats.ParseTime(PromptTime),
        (IsoDayOfWeek)DigestDay,
        StoredFormats.ParseTime(DigestTime),
        KindnessGoal,
        TwelveHourClock,
        Nonce,
        StoredFormats.ParseInstant(Expires),
        StoredFormats.ParseDate(RequestedOn));
}
