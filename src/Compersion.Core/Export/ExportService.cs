using System.Globalization;
using System.Text.Json;
using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Core.Photos;
using Compersion.Core.Subscribers;
using NodaTime.Text;

namespace Compersion.Core.Export;

/// <summary>Gathers everything stored for a subscriber (settings, journal, kind acts and the list of their photos) for export.</summary>
public sealed class ExportService(ISubscriberStore subscribers, IEntryStore entries, IActStore acts, IPhotoStore photos)
{
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    /// <summary>The export for an address, or null when nobody is registered with it.</summary>
    public async Task<SubscriberExport?> ExportAsync(string email, CancellationToken cancellationToken = default)
    {
        var subscriber = await subscribers.FindByEmailAsync(email, cancellationToken);
        return subscriber is null ? null : await ExportAsync(subscriber, cancellationToken);
    }

    /// <summary>The export for a subscriber.</summary>
    public async Task<SubscriberExport> ExportAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var days = JournalDay.Merge(
            await entries.GetEntriesAsync(subscriber.Id, cancellationToken),
            await acts.GetActsAsync(subscriber.Id, cancellationToken));
        var photosByDate = (await photos.ListAllAsync(subscriber.Id, cancellationToken)).ToLookup(photo => photo.Date);

        // A day may hold photos alone (a reply of photos only): it is a day of the export too.
        var dates = days.Select(day => day.Date).Concat(photosByDate.Select(group => group.Key)).Distinct().Order().ToList();
        var byDate = days.ToDictionary(day => day.Date);
        return new SubscriberExport(
            subscriber.Email,
            new ExportSettings(
                subscriber.Id,
                subscriber.Status.ToString().ToLowerInvariant(),
                subscriber.Zone,
                Time.Format(subscriber.PromptTime),
                subscriber.DigestDay.ToString(),
                Time.Format(subscriber.DigestTime),
                subscriber.KindnessGoal,
                subscriber.MemoriesEnabled,
                subscriber.ReceiptsEnabled,
                subscriber.TwelveHourClock,
                subscriber.PausedUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                subscriber.PromptsEnabled,
                subscriber.DigestEnabled),
            [.. dates.Select(date => new ExportEntry(
                date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                byDate.TryGetValue(date, out var day) ? day.Items : [],
                byDate.TryGetValue(date, out day) ? day.Acts : [],
                [.. photosByDate[date].Select(ExportPhoto.Of)]))],
            subscriber.Extras);
    }

    /// <summary>The export as indented JSON.</summary>
    public static string ToJson(SubscriberExport export) => JsonSerializer.Serialize(export, ExportJsonContext.Default.SubscriberExport);

    /// <summary>The export as a readable Markdown journal (see <see cref="ExportMarkdown"/>).</summary>
    public static string ToMarkdown(SubscriberExport export) => ExportMarkdown.Write(export);

    /// <summary>The file name of the JSON export.</summary>
    public const string JsonFileName = "compersion-journal.json";

    /// <summary>The file name of the Markdown export.</summary>
    public const string MarkdownFileName = "compersion-journal.md";

    /// <summary>The most photo bytes the mailed <c>EXPORT</c> attaches (20 MB): base64 makes them about 27 MB, inside the
    /// 30 MB a mail may be at SendGrid and at most receiving servers. More than that, and the mail links to the zip instead.</summary>
    public const long MaxMailedPhotoBytes = 20L * 1024 * 1024;

    /// <summary>A photo's file name in the mailed export: its date, its id and its format (never the name a mail gave it).</summary>
    public static string PhotoFileName(Photos.StoredPhoto photo)
    {
        ArgumentNullException.ThrowIfNull(photo);
        return $"{LocalDatePattern.Iso.Format(photo.Date)}-{photo.Id}{photo.Extension}";
    }

    /// <summary>Both exports as mail attachments (UTF-8).</summary>
    public static IReadOnlyList<Sending.MailAttachment> Attachments(SubscriberExport export) =>
    [
        new(JsonFileName, "application/json", System.Text.Encoding.UTF8.GetBytes(ToJson(export))),
        new(MarkdownFileName, "text/markdown", System.Text.Encoding.UTF8.GetBytes(ToMarkdown(export))),
    ];
}
