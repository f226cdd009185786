using Compersion.Core.Kindness;
using Compersion.Core.Subscribers;
using Compersion.Core.Subscriptions;

namespace Compersion.Core.Journal;

/// <summary>The one way journal text is stored: replies, the entries API and import all understand and write through it.</summary>
/// <remarks>
/// <para>Every gratitude gets its signals (<see cref="JournalItem.Understand"/>) and every kind act its category and recipient
/// (<see cref="ActClassifier"/>) here, so an item reads the same whichever way it arrived.</para>
/// <para>Items and acts are separate rows, each remembering the append key: the same key written again (a redelivered
/// reply, a retried post, a re-import) adds nothing, and a retry after a crash between the two appends completes the
/// second. Every item and act also remembers the key that wrote it (<see cref="JournalItem.Source"/>), so a replay can
/// replace, and <c>UNDO</c> remove, exactly what one message wrote.</para>
/// </remarks>
public sealed class JournalWriter(IEntryStore entries, IActStore acts, SettingsService settings)
{
    /// <summary>Items (and, separately, kind acts) kept from one write; beyond this a text is more likely a pasted document than a day's gratitudes.</summary>
    public const int MaxItems = 100;

    /// <summary>Understands texts as gratitudes and kind acts; blank texts are dropped.</summary>
    /// <param name="items">Gratitudes as written.</param>
    /// <param name="kindActs">Kind acts as written (marker already stripped).</param>
    public static JournalAddition Understand(IEnumerable<string> items, IEnumerable<string> kindActs)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(kindActs);
        return new JournalAddition(
            [.. items.Where(text => !string.IsNullOrWhiteSpace(text)).Select(JournalItem.Understand)],
            [.. kindActs.Where(text => !string.IsNullOrWhiteSpace(text)).Select(ActClassifier.ToAct)]);
    }

    /// <summary>Every gratitude stored for one date, from every reply, post and import (one partition query).</summary>
    public async Task<IReadOnlyList<JournalItem>> ItemsOnAsync(string subscriberId, LocalDate date, CancellationToken cancellationToken = default) =>
        [.. (await entries.GetEntriesAsync(subscriberId, cancellationToken)).Where(entry => entry.Date == date).SelectMany(entry => entry.Items)];

    /// <summary>Appends an addition to a subscriber's journal date, once per key.</summary>
    /// <param name="subscriber">Whose journal.</param>
    /// <param name="date">The local date it is filed under.</param>
    /// <param name="addition">What to add (from <see cref="Understand"/>).</param>
    /// <param name="appendKey">The idempotency key: a hash of the source (message, post body, imported day).</param>
    /// <param name="countsAsReply">
    /// Whether writing counts as the subscriber replying (ends the back-off): true for replies and API posts, false for
    /// an import of old days.
    /// </param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    public async Task WriteAsync(Subscriber subscriber, LocalDate date, JournalAddition addition, string appendKey, bool countsAsReply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(addition);
        ArgumentException.ThrowIfNullOrEmpty(appendKey);
        var sourced = addition.From(appendKey);
        await entries.AppendAsync(subscriber.Id, date, sourced.Items, appendKey, cancellationToken);
        await acts.AppendAsync(subscriber.Id, date, sourced.Acts, appendKey, cancellationToken);
        if (countsAsReply && !addition.IsEmpty)
        {
            await settings.RecordReplyAsync(subscriber, date, cancellationToken);
        }
    }
}
