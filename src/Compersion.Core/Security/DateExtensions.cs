namespace Compersion.Core.Security;

/// <summary>Date helpers for token values.</summary>
internal static class DateExtensions
{
    private static readonly LocalDate Epoch = new(1970, 1, 1);

    public static int DaysSinceEpoch(this LocalDate date) => Period.Between(Epoch, date, PeriodUnits.Days).Days;

    public static LocalDate FromDaysSinceEpoch(int days) => Epoch.PlusDays(days);
}
