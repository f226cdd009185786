using Compersion.Core.Kindness;
using NodaTime;

namespace Compersion.Core.Tests.Fakes;

/// <summary>An <see cref="IActStore"/> in memory, with the real store's append-key rule.</summary>
internal sealed class InMemoryActStore : IActStore
{
    private readonly InMemoryDays<KindAct> days = new();

    /// <summary>The days themselves, for the in-memory journal editor.</summary>
    public InMemoryDays<KindAct> Days => days;

    public Task<IReadOnlyList<KindActDay>> GetActsAsync(string subscriberId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<KindActDay>>([.. days.Get(subscriberId).Select(day => new KindActDay(subscriberId, day.Date, day.Values))]);

    public Task AppendAsync(string subscriberId, LocalDate date, IReadOnlyList<KindAct> acts, string? appendKey = null, CancellationToken cancellationToken = default)
    {
        days.Append(subscriberId, date, acts, appendKey);
        return Task.CompletedTask;
    }
}
