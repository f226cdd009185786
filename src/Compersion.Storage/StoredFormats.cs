using Compersion.Core.Scheduling;
using NodaTime.Text;

namespace Compersion.Storage;

/// <summary>How NodaTime values are written to table columns: ISO text, readable in any table browser.</summary>
internal static class StoredFormats
{
    public static string Format(Instant value) => InstantPattern.ExtendedIso.Format(value);

    public static string? Format(Instant? value) => value is { } instant ? Format(instant) : null;

    public static string Format(LocalDate value) => LocalDatePattern.Iso.Format(value);

    public static string? Format(LocalDate? value) => value is { } date ? Format(date) : null;

    public static string Format(LocalTime value) => LocalTimePattern.ExtendedIso.Format(value);

    public static Instant ParseInstant(string value) => InstantPattern.ExtendedIso.Parse(value).Value;

    public static Instant? ParseOptionalInstant(string? value) => string.IsNullOrEmpty(value) ? null : ParseInstant(value);

    public static LocalDate ParseDate(string value) => LocalDatePattern.Iso.Parse(value).Value;

    public static LocalDate? ParseOptionalDate(string? value) => string.IsNullOrEmpty(value) ? null : ParseDate(value);

    public static LocalTime ParseTime(string value) => LocalTimePattern.ExtendedIso.Parse(value).Value;

    /// <summary>The lowercase name used in keys and job ids (<c>prompt</c>, <c>digest</c>, <c>confirm</c>).</summary>
    public static string Format(JobKind kind) => kind.ToString().ToLowerInvariant();

    public static JobKind ParseKind(string value) =>
        Enum.TryParse<JobKind>(value, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
            ? kind
            : throw new FormatException("Unknown job kind in a stored row.");
}
