using NodaTime.Text;

namespace Compersion.Storage;

/// <summary>
/// The layout of one subscriber's partition in their shard of the <see cref="TableNames.Subscribers"/> tables: the profile row,
/// one journal entry row per local date, one kind-acts row per local date and one record per weekly digest, so a single
/// partition query returns all.
/// </summary>
/// <remarks>
/// The keys cannot collide: the profile's row key is the word <see cref="ProfileRowKey"/>, an entry's is an ISO
/// date (<c>yyyy-MM-dd</c>, digits first), an acts row's is <see cref="ActRowKeyPrefix"/> and an ISO date
/// (<c>act-yyyy-MM-dd</c>, a letter first, so it sorts after every entry and before the profile), a digest record's is
/// <see cref="DigestRowKeyPrefix"/> and an ISO date (<c>digest-yyyy-MM-dd</c>), and the journal stamp's is the word
/// <see cref="StampRowKey"/> (<see cref="Journal.JournalStamp"/>). Entry queries
/// select the date range, act queries the prefixed range, profile queries the one key, so each reader sees only its
/// own rows. Deleting a partition forgets the person and everything they wrote.
/// </remarks>
internal static class SubscriberPartition
{
    /// <summary>The row key of the (single) profile row.</summary>
    public const string ProfileRowKey = "profile";

    /// <summary>The row key of the (single) journal stamp row (<see cref="Journal.JournalStamp"/>).</summary>
    public const string StampRowKey = "stamp";

    /// <summary>The smallest entry row key (the first date an entry may be filed under).</summary>
    public const string FirstEntryRowKey = "0001-01-01";

    /// <summary>The largest entry row key (the last date an entry may be filed under).</summary>
    public const string LastEntryRowKey = "9999-12-31";

    /// <summary>What comes before the date in an acts row's key.</summary>
    public const string ActRowKeyPrefix = "act-";

    /// <summary>What comes before the date in a digest record's row key.</summary>
    public const string DigestRowKeyPrefix = "digest-";

    /// <summary>Every row of one subscriber: the profile, all entries and all acts.</summary>
    public static string AllRows(string subscriberId) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {subscriberId}");

    /// <summary>Only the entry rows of one subscriber (a row-key range that leaves out the profile).</summary>
    public static string EntryRows(string subscriberId) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {subscriberId} and RowKey ge {FirstEntryRowKey} and RowKey le {LastEntryRowKey}");

    /// <summary>Only the kind-acts rows of one subscriber (a row-key range that leaves out the profile and the entries).</summary>
    public static string ActRows(string subscriberId) =>
        TableClient.CreateQueryFilter(
            $"PartitionKey eq {subscriberId} and RowKey ge {ActRowKeyPrefix + FirstEntryRowKey} and RowKey le {ActRowKeyPrefix + LastEntryRowKey}");

    /// <summary>Only the profile rows of every subscriber (for listing; a full-table scan).</summary>
    public static string ProfileRows() =>
        TableClient.CreateQueryFilter($"RowKey eq {ProfileRowKey}");

    /// <summary>The row key of the entry for a date.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1–9999, which no entry row key can hold.</exception>
    public static string EntryRowKey(LocalDate date)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(date.Year, 1, nameof(date));
        return StoredFormats.Format(date);
    }

    /// <summary>The row key of the kind acts for a date.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1–9999, which no row key can hold.</exception>
    public static string ActRowKey(LocalDate date) => ActRowKeyPrefix + EntryRowKey(date);

    /// <summary>The row key of the digest record for a date.</summary>
    public static string DigestRowKey(LocalDate date) => DigestRowKeyPrefix + EntryRowKey(date);

    /// <summary>Whether a row key is a digest record's, and for which date.</summary>
    public static bool TryParseDigestRowKey(string rowKey, out LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(rowKey);
        date = default;
        return rowKey.StartsWith(DigestRowKeyPrefix, StringComparison.Ordinal) && TryParseEntryRowKey(rowKey[DigestRowKeyPrefix.Length..], out date);
    }

    /// <summary>Whether a row key is an acts row's, and for which date.</summary>
    public static bool TryParseActRowKey(string rowKey, out LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(rowKey);
        date = default;
        return rowKey.StartsWith(ActRowKeyPrefix, StringComparison.Ordinal) && TryParseEntryRowKey(rowKey[ActRowKeyPrefix.Length..], out date);
    }

    /// <summary>Whether a row key is an entry's, and for which date.</summary>
    public static bool TryParseEntryRowKey(string rowKey, out LocalDate date)
    {
        var result = LocalDatePattern.Iso.Parse(rowKey);
        date = result.Success ? result.Value : default;
        return result.Success && date.Year >= 1;
    }
}
