using NodaTime;

namespace Compersion.Core.Tests.Fakes;

/// <summary>Lists filed by subscriber and date with the stores' append-key rule: a key a day already holds adds nothing.</summary>
/// <param name="merge">How a day's values and an append combine, as the real store combines them (default: appended as they are).</param>
internal sealed class InMemoryDays<T>(Func<IReadOnlyList<T>, IReadOnlyList<T>, IReadOnlyList<T>>? merge = null)
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string SubscriberId, LocalDate Date), (List<T> Values, HashSet<string> Keys)> days = [];

    public void Append(string subscriberId, LocalDate date, IReadOnlyList<T> values, string? appendKey)
    {
        if (values.Count == 0)
        {
            return;
        }

        lock (gate)
        {
            if (!days.TryGetValue((subscriberId, date), out var day))
            {
                day = ([], []);
                days[(subscriberId, date)] = day;
            }

            if (day.Keys.Add(appendKey ?? Guid.NewGuid().ToString("N")))
            {
                var merged = merge is null ? [.. day.Values, .. values] : merge(day.Values, values);
                day.Values.Clear();
                day.Values.AddRange(merged);
            }
        }
    }

    /// <summary>The values and append keys of one date (empty when it has none).</summary>
    public (IReadOnlyList<T> Values, IReadOnlyList<string> Keys) Read(string subscriberId, LocalDate date)
    {
        lock (gate)
        {
            return days.TryGetValue((subscriberId, date), out var day) ? ([.. day.Values], [.. day.Keys]) : ([], []);
        }
    }

    /// <summary>Rewrites one date's values, keeping its append keys (as the table editor keeps the rows' other columns).</summary>
    public void Replace(string subscriberId, LocalDate date, IReadOnlyList<T> values)
    {
        lock (gate)
        {
            if (!days.TryGetValue((subscriberId, date), out var day))
            {
                day = ([], []);
                days[(subscriberId, date)] = day;
            }

            day.Values.Clear();
            day.Values.AddRange(values);
        }
    }

    public IReadOnlyList<(LocalDate Date, IReadOnlyList<T> Values)> Get(string subscriberId)
    {
        lock (gate)
        {
            return [.. days.Where(pair => pair.Key.SubscriberId == subscriberId)
                .OrderBy(pair => pair.Key.Date)
                .Select(pair => (pair.Key.Date, (IReadOnlyList<T>)[.. pair.Value.Values]))];
        }
    }
}
