using System.Globalization;
using System.Text;
using NodaTime.Text;

namespace Compersion.Core.Export;

/// <summary>An export as a readable Markdown journal: the settings, then every day, oldest first.</summary>
/// <remarks>
/// A keepsake: it holds only what the subscriber wrote, never the app's judgement of it (the signals, an act's
/// category and recipient stay in the JSON), and lists each day's photos by name, format and size, with where the zip
/// holds them. Their words are written with Markdown's punctuation escaped, so
/// nothing they wrote can turn into a heading, a link or markup in a Markdown viewer.
/// </remarks>
internal static class ExportMarkdown
{
    private static readonly LocalDatePattern Iso = LocalDatePattern.Iso;
    private static readonly LocalDatePattern Heading = LocalDatePattern.Create("dddd, d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Write(SubscriberExport export)
    {
        ArgumentNullException.ThrowIfNull(export);
        var settings = export.Settings;
        var text = new StringBuilder();
        text.Append("# Your Compersion journal\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Everything you have written, {Days(export.Entries.Count)}, oldest first. It is yours to keep.\n\n");
        text.Append("## Settings\n\n");
        text.Append(CultureInfo.InvariantCulture, $"- Daily prompt: {settings.PromptTime} ({Escape(settings.Zone)})\n");
        text.Append(CultureInfo.InvariantCulture, $"- Weekly digest: {settings.DigestDay}s at {settings.DigestTime}\n");
        text.Append(CultureInfo.InvariantCulture, $"- Kindness goal: {settings.KindnessGoal} a week\n");
        text.Append(CultureInfo.InvariantCulture, $"- Memories in prompts: {(settings.MemoriesEnabled ? "on" : "off")}\n");
        text.Append(CultureInfo.InvariantCulture, $"- Receipts for complete days: {(settings.ReceiptsEnabled ? "on" : "off")}\n");
        text.Append(CultureInfo.InvariantCulture, $"- Status: {settings.Status}\n");

        foreach (var day in export.Entries)
        {
            var parsed = Iso.Parse(day.Date);
            text.Append(CultureInfo.InvariantCulture, $"\n## {(parsed.Success ? Heading.Format(parsed.Value) : day.Date)}\n\n");
            for (var i = 0; i < day.Items.Count; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{i + 1}. {Escape(day.Items[i].Text)}\n");
            }

            if (day.Acts.Count > 0)
            {
                text.Append(day.Items.Count > 0 ? "\nKind acts, just for you:\n\n" : "Kind acts, just for you:\n\n");
                foreach (var act in day.Acts)
                {
                    text.Append(CultureInfo.InvariantCulture, $"- {Escape(act.Text)}\n");
                }
            }

            if (day.Photos.Count > 0)
            {
                text.Append(day.Items.Count > 0 || day.Acts.Count > 0 ? "\nPhotos:\n\n" : "Photos:\n\n");
                foreach (var photo in day.Photos)
                {
                    text.Append(CultureInfo.InvariantCulture, $"- {Escape(photo.Name)} ({Kind(photo.Type)}, {Size(photo.Size)}): `{photo.Path}`\n");
                }
            }
        }

        return text.ToString();
    }

    // "image/jpeg" → "JPEG": the reader's word for the format.
    private static string Kind(string mediaType) => mediaType switch
    {
        "image/jpeg" => "JPEG",
        "image/png" => "PNG",
        "image/webp" => "WebP",
        "image/heic" => "HEIC",
        _ => mediaType,
    };

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (int)Math.Round(bytes / 1024.0))} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MB"),
    };

    private static string Days(int count) => count == 1 ? "1 day" : string.Create(CultureInfo.InvariantCulture, $"{count} days");

    // Backslash-escapes Markdown's punctuation and folds line breaks, so user text stays one plain list item.
    private static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (c is '\r' or '\n')
            {
                escaped.Append(' ');
            }
            else
            {
                if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|' or '~' or '!')
                {
                    escaped.Append('\\');
                }

                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }
}
