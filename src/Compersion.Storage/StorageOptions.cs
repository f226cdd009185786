using System.ComponentModel.DataAnnotations;

namespace Compersion.Storage;

/// <summary>Storage settings beyond the connection (configuration section <c>Storage</c>).</summary>
/// <remarks>
/// The account itself comes from the <c>AzureWebJobsStorage</c> setting, the same one the Functions
/// host uses, so the app and its triggers always talk to one account.
/// </remarks>
public sealed class StorageOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Storage";

    /// <summary>Prepended to every table name; lets tests or several environments share one account. Empty in production.</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]*$")]
    [MaxLength(40)]
    public string TablePrefix { get; set; } = string.Empty;

    /// <summary>How much of journals the journal pages keep in memory (<see cref="Journal.JournalCache"/>), counted in texts and days: a gratitude, a kind act or a day's marks is one.</summary>
    /// <remarks>Three years of daily journaling (5,480 gratitudes, 1,096 days) is about 7,000; the default keeps about fifteen such journals, some tens of MB. 0 keeps nothing.</remarks>
    [Range(0, 10_000_000)]
    public int JournalCacheSize { get; set; } = 100_000;

    /// <summary>How old a send claim (outbox row, or a reply's answer) must be, never started, before another delivery takes it over.</summary>
    /// <remarks>Claiming and starting are consecutive writes, so a claim this old belongs to a worker that died before calling the provider.</remarks>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan UnstartedClaimAge { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How old a started send without an outcome must be before another delivery sends it again (event 3101, 3102 for answers).</summary>
    /// <remarks>
    /// <para>Chosen from the queue's timing, so that a send whose worker died is always taken over before its message is
    /// given up on. After a crash the message comes back when its lease ends (serve: 30 s, unrenewed; the Functions host:
    /// 10 minutes, renewed while the function runs), and each delivery that finds the send too young to take over throws
    /// and waits host.json's <c>visibilityTimeout</c> (30 s); the fifth delivery is the last before the poison queue
    /// (<c>maxDequeueCount</c> 5). In serve that last delivery comes about 30 + 3 × 30 = 120 s after the message was
    /// received; 90 s leaves the other 30 s for the send to have started after the receive (a message's 32 jobs go 8 at a
    /// time, so its last send normally starts within a few seconds). The former 2 minutes left nothing: a send started
    /// even a second after the receive was still too young at the fifth delivery, and went to the poison queue instead of
    /// being sent. On Azure the first delivery after a crash already comes 10 minutes later, well past either age.</para>
    /// <para>It also stays longer than a send normally takes (one attempt times out at 30 s): a live send is not taken over.
    /// A send slowed further by rate limits (at most 4 attempts of 30 s and 3 waits of up to 60 s) may rarely be sent twice
    /// in serve, whose lease is not renewed, which is the better mistake. The fault suite shortens it to keep its runs brief.</para>
    /// </remarks>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan StartedSendAge { get; set; } = TimeSpan.FromSeconds(90);
}
