namespace Compersion.Core.Kindness;

/// <summary>A subscriber's kind acts for one local date.</summary>
/// <param name="SubscriberId">Whose they are.</param>
/// <param name="Date">The local date they are filed under (the same date a reply's gratitudes go to).</param>
/// <param name="Acts">The acts, in the order logged (several replies append).</param>
public sealed record KindActDay(string SubscriberId, LocalDate Date, IReadOnlyList<KindAct> Acts);
