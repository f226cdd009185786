namespace Compersion.Core.Kindness;

/// <summary>The variety maths: which acts are recent, how many different pairs, how even each dimension is.</summary>
/// <remarks>
/// The article's advice is to "change up the kind act and who you are doing it for each time", so variety is
/// measured on both dimensions. Evenness is Shannon entropy normalised by the most a set of that size could have:
/// <c>H / ln(min(n, k))</c> with <c>n</c> classified acts and <c>k</c> possible values (8 categories, 9 recipients).
/// Two acts of different kinds are as varied as two acts can be (1); any number of acts all alike are not at all (0);
/// fewer than two acts have no evenness (0).
/// </remarks>
public static class Variety
{
    /// <summary>At least this many of the latest acts count as recent, however old.</summary>
    public const int RecentActs = 8;

    /// <summary>Every act within this many weeks counts as recent.</summary>
    public const int RecentWeeks = 8;

    /// <summary>
    /// The recent acts as of <paramref name="asOf"/>: every act of the last <see cref="RecentWeeks"/> weeks (ending on
    /// <paramref name="asOf"/>), or the last <see cref="RecentActs"/> acts when that window holds fewer. Later acts are ignored.
    /// </summary>
    public static IReadOnlyList<LoggedAct> Recent(IReadOnlyList<LoggedAct> acts, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(acts);
        var upToDate = acts.Where(act => act.Date <= asOf).ToList();
        var windowStart = asOf.PlusWeeks(-RecentWeeks).PlusDays(1);
        var inWindow = upToDate.Where(act => act.Date >= windowStart).ToList();
        return inWindow.Count >= RecentActs ? inWindow : [.. upToDate.TakeLast(RecentActs)];
    }

    /// <summary>Measures a list of acts (oldest first).</summary>
    public static VarietyReport Measure(IReadOnlyList<LoggedAct> acts)
    {
        ArgumentNullException.ThrowIfNull(acts);
        var classified = acts.Where(act => act.IsClassified).ToList();
        var repeat = classified.Count >= 2 && acts[^1].IsClassified &&
                     classified[^1].Category == classified[^2].Category && classified[^1].Recipient == classified[^2].Recipient
            ? classified[^1]
            : null;
        return new VarietyReport(
            acts.Count,
            classified.Count,
            classified.Select(act => (act.Category, act.Recipient)).Distinct().Count(),
            Evenness(classified.Select(act => act.Category), KindnessNames.Categories.Count),
            Evenness(classified.Select(act => act.Recipient), KindnessNames.Recipients.Count),
            repeat);
    }

    /// <summary>Shannon entropy of <paramref name="values"/> over ln(min(count, <paramref name="possible"/>)); 0 for fewer than two values.</summary>
    public static double Evenness<T>(IEnumerable<T> values, int possible)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(values);
        var counts = values.GroupBy(value => value).Select(group => group.Count()).ToList();
        var n = counts.Sum();
        var ceiling = Math.Log(Math.Min(n, possible));
        if (n < 2 || ceiling <= 0)
        {
            return 0;
        }

        var entropy = -counts.Sum(count => (double)count / n * Math.Log((double)count / n));
        return Math.Clamp(entropy / ceiling, 0, 1);
    }
}
