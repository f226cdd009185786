namespace Compersion.Core.Mail;

/// <summary>What the sign-up confirmation templates show.</summary>
/// <param name="ConfirmUrl">The signed confirmation link.</param>
/// <param name="LinkDays">How many days the link works.</param>
/// <param name="Schedule">When the daily prompt will arrive, e.g. <c>20:00 (Europe/Berlin)</c>.</param>
/// <param name="DigestSchedule">When the weekly look-back arrives, e.g. <c>Sundays at 18:00</c>.</param>
/// <param name="Signature">The sender name.</param>
internal sealed record ConfirmView(string ConfirmUrl, int LinkDays, string Schedule, string DigestSchedule, string Signature);
