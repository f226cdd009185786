using Compersion.Core.Journal;
using Compersion.Core.Subscribers;

namespace Compersion.Core.Prompts;

/// <summary>Backs off kindly from subscribers who have gone quiet: daily for two weeks, then a weekly check-in until they reply.</summary>
/// <remarks>
/// Last activity is the latest of the last reply, the latest journal entry, the last resume (days paused are
/// a break they asked for, not silence) and the local date of confirmation (the sign-up date when unconfirmed). Fewer unwanted emails means fewer spam
/// complaints, and a single reply restores the daily rhythm.
/// </remarks>
internal static class BackOffPolicy
{
    /// <summary>Quiet days after which prompts turn into check-ins.</summary>
    public const int QuietDays = 14;

    /// <summary>Days between check-ins while backed off.</summary>
    public const int CheckInInterval = 7;

    /// <summary>What to send on <paramref name="date"/>.</summary>
    public static PromptPlan Plan(Subscriber subscriber, LocalDate date, IEnumerable<JournalEntry> entries)
    {
        var quiet = Period.Between(LastActivity(subscriber, date, entries), date, PeriodUnits.Days).Days;
        if (quiet < QuietDays)
        {
            return PromptPlan.Daily;
        }

        return (quiet - QuietDays) % CheckInInterval == 0 ? PromptPlan.CheckIn : PromptPlan.Skip;
    }

    /// <summary>The subscriber's last local date of activity on or before <paramref name="date"/>.</summary>
    public static LocalDate LastActivity(Subscriber subscriber, LocalDate date, IEnumerable<JournalEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(entries);
        var zone = subscriber.TimeZone;
        var last = (subscriber.ConfirmedAt ?? subscriber.CreatedAt).InZone(zone).Date;
        if (subscriber.LastReplyDate is { } replied && replied > last)
        {
            last = replied;
        }

        if (subscriber.ResumedOn is { } resumed && resumed > last && resumed <= date)
        {
            last = resumed;
        }

        foreach (var entry in entries)
        {
            if (entry.Date > last && entry.Date <= date)
            {
                last = entry.Date;
            }
        }

        return last;
    }
}
