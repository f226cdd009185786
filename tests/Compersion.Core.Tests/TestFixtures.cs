using Compersion.Core.Journal;
using Compersion.Core.Prompts;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace Compersion.Core.Tests;

/// <summary>Small builders shared by the Core tests.</summary>
internal static class TestFixtures
{
    public const string AlexId = "abcdefghijklmnop";
    public const string SamId = "qrstuvwxyz234567";
    public const string Secret = "test-secret-0123456789-abcdefghijklmnop";
    public const string OtherSecret = "another-secret-9876543210-zyxwvutsrqpo";
    public const string PublicBaseUrl = "https://app.example.org";
    public const string InboundDomain = "reply.example.org";

    public static TokenSigner Signer(string current = Secret, string? previous = null) =>
        new(Options.Create(new TokenOptions { CurrentSecret = current, PreviousSecret = previous }));

    public static IOptions<MailOptions> MailSettings() => Options.Create(new MailOptions
    {
        From = "hello@example.org",
        FromName = "Compersion",
        InboundDomain = InboundDomain,
        PublicBaseUrl = PublicBaseUrl,
    });

    public static Subscriber Subscriber(
        string id = AlexId,
        string zone = "Europe/Berlin",
        LocalDate? lastReply = null,
        Instant? confirmedAt = null,
        bool memories = true) =>
        new(
            id,
            "alex@example.org",
            zone,
            new LocalTime(20, 0),
            IsoDayOfWeek.Sunday,
            new LocalTime(18, 0),
            SubscriberStatus.Active,
            CreatedAt: Instant.FromUtc(2026, 1, 1, 9, 0),
            ConfirmedAt: confirmedAt ?? Instant.FromUtc(2026, 1, 1, 9, 5),
            LastReplyDate: lastReply,
            MemoriesEnabled: memories);

    public static JournalEntry Entry(LocalDate date, int items, string id = AlexId) =>
        new(id, date, Enumerable.Range(1, items).Select(i => new JournalItem($"Item {i} on {Iso(date)}")).ToList());

    public static JournalEntry Entry(LocalDate date, params JournalItem[] items) => new(AlexId, date, items);

    public static IReadOnlyList<JournalEntry> PerfectDays(LocalDate first, LocalDate last, string id = AlexId)
    {
        var entries = new List<JournalEntry>();
        for (var date = first; date <= last; date = date.PlusDays(1))
        {
            entries.Add(new JournalEntry(id, date, [new JournalItem($"Lunch with Sam on {Iso(date)}", Social: true), .. Entry(date, 4, id).Items]));
        }

        return entries;
    }

    /// <summary>An item written on <paramref name="written"/> that the memory picker may resurface on <paramref name="on"/>: the
    /// text gets a numbered suffix until its slot in the memory cycle falls on that day.</summary>
    public static JournalItem DueOn(LocalDate on, LocalDate written, string text, bool social = false, bool vague = false, string id = AlexId)
    {
        for (var i = 0; ; i++)
        {
            var item = new JournalItem(i == 0 ? text : $"{text} ({i})", social, vague);
            if (MemoryPicker.SlotOf(id, written, item) == MemoryPicker.Slot(on))
            {
                return item;
            }
        }
    }

    public static LocalDate Date(string iso) => LocalDatePattern.Iso.Parse(iso).GetValueOrThrow();

    public static Instant Utc(string iso) => InstantPattern.ExtendedIso.Parse(iso).GetValueOrThrow();

    public static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
