using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Compersion.Core.Journal;
using Compersion.Core.Subscribers;
using Compersion.Replies;
using Microsoft.Extensions.Logging;
using NodaTime.Text;

namespace Compersion.Core.Import;

/// <summary>Imports another journal's export into a subscriber's journal, through the same item rules as replies.</summary>
/// <remarks>
/// <para>Each day's text is split by <see cref="ItemSplitter"/> and understood and written by <see cref="JournalWriter"/>,
/// exactly as a reply is; <c>kindness:</c> lines become kind acts, classified. The whole file is parsed and split before
/// the first write, so a bad file writes nothing.</para>
/// <para>Re-importing adds nothing twice: each day is appended under the key <c>imp-</c> + a hash of its date and text,
/// and the journal's idempotent append ignores a key the day already holds. A day edited in between is new text and
/// is added.</para>
/// </remarks>
public sealed partial class ImportService(JournalWriter writer, TimeProvider time, ILogger<ImportService> logger)
{
    /// <summary>The most items (and, separately, acts) one imported day may hold, as for one reply.</summary>
    public const int MaxItemsPerDay = JournalWriter.MaxItems;

    private const int WriteParallelism = 8;

    /// <summary>Reads, checks and imports a file.</summary>
    public async Task<ImportResult> ImportAsync(Subscriber subscriber, byte[] content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(content);
        var tomorrow = Instant.FromDateTimeOffset(time.GetUtcNow()).InZone(subscriber.TimeZone).Date.PlusDays(1);
        if (!JournalFileParser.TryParse(content, tomorrow, out var days, out var format, out var error))
        {
            LogRefused(logger, subscriber.Id);
            return ImportResult.Refused(error);
        }

        var planned = new List<(LocalDate Date, JournalAddition Addition, string Key)>();
        foreach (var day in days.Where(day => day.Text.Length > 0))
        {
            var split = ItemSplitter.Split(day.Text);
            if (split.Items.Count > MaxItemsPerDay || split.Acts.Count > MaxItemsPerDay)
            {
                return ImportResult.Refused(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{LocalDatePattern.Iso.Format(day.Date)} (line {day.Line}) has more than {MaxItemsPerDay} items. Split that day into a few shorter paragraphs or lists and import again; nothing was imported."));
            }

            if (!split.IsEmpty)
            {
                planned.Add((day.Date, JournalWriter.Understand(split.Items, split.Acts), KeyFor(day)));
            }
        }

        if (planned.Count == 0)
        {
            return ImportResult.Refused("That file has dates but nothing under them we could keep, so nothing was imported.");
        }

        await Parallel.ForEachAsync(
            planned,
            new ParallelOptions { MaxDegreeOfParallelism = WriteParallelism, CancellationToken = cancellationToken },
            async (day, token) =>
            {
                // Old days are history, not a reply: the back-off is left as it is.
                await writer.WriteAsync(subscriber, day.Date, day.Addition, day.Key, countsAsReply: false, token);
            });

        var items = planned.Sum(day => day.Addition.Items.Count);
        var kindActs = planned.Sum(day => day.Addition.Acts.Count);
        LogImported(logger, subscriber.Id, format, planned.Count, items);
        var name = format == ImportFormat.DatedText ? "dated text" : "Dabble.me " + (format == ImportFormat.DabbleJson ? "JSON" : "text");
        var actsText = kindActs == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" and {kindActs} kind {(kindActs == 1 ? "act" : "acts")}");
        return new ImportResult(
            true,
            string.Create(CultureInfo.InvariantCulture, $"Imported {planned.Count} {(planned.Count == 1 ? "day" : "days")} from a {name} file: {items} {(items == 1 ? "gratitude" : "gratitudes")}{actsText}. Anything imported before is never added twice."),
            planned.Count,
            items,
            kindActs);
    }

    private static string KeyFor(ImportedDay day)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(LocalDatePattern.Iso.Format(day.Date) + "\n" + day.Text));
        return "imp-" + Convert.ToHexStringLower(hash)[..32];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId}: an import file was refused")]
    private static partial void LogRefused(ILogger logger, string subscriberId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId}: imported a {Format} file, {Days} days with {Items} items")]
    private static partial void LogImported(ILogger logger, string subscriberId, ImportFormat format, int days, int items);
}
