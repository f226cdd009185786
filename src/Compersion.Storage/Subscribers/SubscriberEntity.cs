using System.Text.Json;
using Compersion.Core.Subscribers;

namespace Compersion.Storage.Subscribers;

/// <summary>A subscriber's profile row. The address is a column, never a key.</summary>
internal sealed class SubscriberEntity : ITableEntity
{
    /// <summary>The row key of the (single) profile row in a subscriber's partition.</summary>
    public const string ProfileRowKey = SubscriberPartition.ProfileRowKey;

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = ProfileRowKey;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Email { get; set; } = string.Empty;

    public string Zone { get; set; } = string.Empty;

    public string PromptTime { get; set; } = string.Empty;

    public int DigestDay { get; set; }

    public string DigestTime { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public string CreatedAt { get; set; } = string.Empty;

    public string? ConfirmedAt { get; set; }

    public string? LastReplyDate { get; set; }

    public bool MemoriesEnabled { get; set; }

    public bool ReceiptsEnabled { get; set; }

    public int KindnessGoal { get; set; }

    public string? ApiTokenHash { get; set; }

    public bool TwelveHourClock { get; set; }

    public string? PausedUntil { get; set; }

    public string? ResumedOn { get; set; }

    // Rows written before these switches existed have neither column: both mails were on.
    public bool PromptsEnabled { get; set; } = true;

    public bool DigestEnabled { get; set; } = true;

    public string? PendingEmail { get; set; }

    public int? PendingEmailNonce { get; set; }

    public string? PendingEmailExpires { get; set; }

    public string? PreviousEmailHash { get; set; }

    public string? AddressChangedAt { get; set; }

    public bool PendingEmailExtra { get; set; }

    // A JSON array of the further sending addresses; null when there are none.
    public string? ExtraAddresses { get; set; }

    public string? StrangerNotedOn { get; set; }

    // The address moved away from, for the 7 days its notice can undo the move; empty otherwise.
    public string? MovedFromEmail { get; set; }

    public int? MovedFromNonce { get; set; }

    public string? MovedFromUntil { get; set; }

    // A JSON array of "{address hash} {archive name}" (replies quarantined from unknown senders); null when there are none.
    public string? StrangerPosts { get; set; }

    // A sign-up typed again for one of its addresses, waiting for its link (StoredSignUp as JSON); null when there is none.
    public string? PendingSignUp { get; set; }

    public static SubscriberEntity From(Subscriber subscriber) => new()
    {
        PartitionKey = subscriber.Id,
        RowKey = ProfileRowKey,
        Email = subscriber.Email,
        Zone = subscriber.Zone,
        PromptTime = StoredFormats.Format(subscriber.PromptTime),
        DigestDay = (int)subscriber.DigestDay,
        DigestTime = StoredFormats.Format(subscriber.DigestTime),
        Status = subscriber.Status.ToString(),
        CreatedAt = StoredFormats.Format(subscriber.CreatedAt),
        ConfirmedAt = StoredFormats.Format(subscriber.ConfirmedAt),
        LastReplyDate = StoredFormats.Format(subscriber.LastReplyDate),
        MemoriesEnabled = subscriber.MemoriesEnabled,
        ReceiptsEnabled = subscriber.ReceiptsEnabled,
        KindnessGoal = subscriber.KindnessGoal,
        ApiTokenHash = subscriber.ApiTokenHash,
        TwelveHourClock = subscriber.TwelveHourClock,
        PausedUntil = StoredFormats.Format(subscriber.PausedUntil),
        ResumedOn = StoredFormats.Format(subscriber.ResumedOn),
        PromptsEnabled = subscriber.PromptsEnabled,
        DigestEnabled = subscriber.DigestEnabled,
        PendingEmail = subscriber.PendingAddress?.Email,
        PendingEmailNonce = subscriber.PendingAddress?.Nonce,
        PendingEmailExpires = StoredFormats.Format(subscriber.PendingAddress?.Expires),
        PreviousEmailHash = subscriber.PreviousEmailHash,
        AddressChangedAt = StoredFormats.Format(subscriber.AddressChangedAt),
        PendingEmailExtra = subscriber.PendingAddress?.Extra ?? false,
        ExtraAddresses = subscriber.Extras.Count == 0 ? null : JsonSerializer.Serialize(subscriber.Extras.ToArray(), StorageJsonContext.Stored.StringArray),
        StrangerNotedOn = StoredFormats.Format(subscriber.StrangerNotedOn),
        MovedFromEmail = subscriber.MovedFrom?.Email,
        MovedFromNonce = subscriber.MovedFrom?.Nonce,
        MovedFromUntil = StoredFormats.Format(subscriber.MovedFrom?.Until),
        StrangerPosts = subscriber.StrangerPosts is not { Count: > 0 } posts ? null : JsonSerializer.Serialize(posts.ToArray(), StorageJsonContext.Stored.StringArray),
        PendingSignUp = subscriber.SignUp is { } signUp ? JsonSerializer.Serialize(StoredSignUp.From(signUp), StorageJsonContext.Stored.StoredSignUp) : null,
    };

    /// <summary>Reads a profile row that came back from an untyped query (one that also returned entry rows).</summary>
    public static SubscriberEntity FromRow(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new SubscriberEntity
        {
            PartitionKey = row.PartitionKey,
            RowKey = row.RowKey,
            Timestamp = row.Timestamp,
            ETag = row.ETag,
            Email = row.GetString(nameof(Email)) ?? string.Empty,
            Zone = row.GetString(nameof(Zone)) ?? string.Empty,
            PromptTime = row.GetString(nameof(PromptTime)) ?? string.Empty,
            DigestDay = row.GetInt32(nameof(DigestDay)) ?? 0,
            DigestTime = row.GetString(nameof(DigestTime)) ?? string.Empty,
            Status = row.GetString(nameof(Status)) ?? string.Empty,
            CreatedAt = row.GetString(nameof(CreatedAt)) ?? string.Empty,
            ConfirmedAt = row.GetString(nameof(ConfirmedAt)),
            LastReplyDate = row.GetString(nameof(LastReplyDate)),
            MemoriesEnabled = row.GetBoolean(nameof(MemoriesEnabled)) ?? false,
            ReceiptsEnabled = row.GetBoolean(nameof(ReceiptsEnabled)) ?? false,
            KindnessGoal = row.GetInt32(nameof(KindnessGoal)) ?? 0,
            ApiTokenHash = row.GetString(nameof(ApiTokenHash)),
            TwelveHourClock = row.GetBoolean(nameof(TwelveHourClock)) ?? false,
            PausedUntil = row.GetString(nameof(PausedUntil)),
            ResumedOn = row.GetString(nameof(ResumedOn)),
            PromptsEnabled = row.GetBoolean(nameof(PromptsEnabled)) ?? true,
            DigestEnabled = row.GetBoolean(nameof(DigestEnabled)) ?? true,
            PendingEmail = row.GetString(nameof(PendingEmail)),
            PendingEmailNonce = row.GetInt32(nameof(PendingEmailNonce)),
            PendingEmailExpires = row.GetString(nameof(PendingEmailExpires)),
            PreviousEmailHash = row.GetString(nameof(PreviousEmailHash)),
            AddressChangedAt = row.GetString(nameof(AddressChangedAt)),
            PendingEmailExtra = row.GetBoolean(nameof(PendingEmailExtra)) ?? false,
            ExtraAddresses = row.GetString(nameof(ExtraAddresses)),
            StrangerNotedOn = row.GetString(nameof(StrangerNotedOn)),
            MovedFromEmail = row.GetString(nameof(MovedFromEmail)),
            MovedFromNonce = row.GetInt32(nameof(MovedFromNonce)),
            MovedFromUntil = row.GetString(nameof(MovedFromUntil)),
            StrangerPosts = row.GetString(nameof(StrangerPosts)),
            PendingSignUp = row.GetString(nameof(PendingSignUp)),
        };
    }

    public Subscriber ToSubscriber() => new(
        PartitionKey,
        Email,
        Zone,
        StoredFormats.ParseTime(PromptTime),
        (IsoDayOfWeek)DigestDay,
        StoredFormats.ParseTime(DigestTime),
        Enum.Parse<SubscriberStatus>(Status),
        StoredFormats.ParseInstant(CreatedAt),
        StoredFormats.ParseOptionalInstant(ConfirmedAt),
        StoredFormats.ParseOptionalDate(LastReplyDate),
        MemoriesEnabled,
        ReceiptsEnabled,
        KindnessGoal,
        ApiTokenHash,
        TwelveHourClock,
        StoredFormats.ParseOptionalDate(PausedUntil),
        StoredFormats.ParseOptionalDate(ResumedOn),
        PromptsEnabled,
        DigestEnabled,
        PendingEmail is { Length: > 0 } pending && PendingEmailNonce is { } nonce && StoredFormats.ParseOptionalInstant(PendingEmailExpires) is { } expires
            ? new PendingAddress(pending, nonce, expires, PendingEmailExtra)
            : null,
        PreviousEmailHash,
        StoredFormats.ParseOptionalInstant(AddressChangedAt),
        ExtraAddresses is { Length: > 0 } extras ? JsonSerializer.Deserialize(extras, StorageJsonContext.Stored.StringArray) : null,
        StoredFormats.ParseOptionalDate(StrangerNotedOn),
        MovedFromEmail is { Length: > 0 } movedFrom && MovedFromNonce is { } movedNonce && StoredFormats.ParseOptionalInstant(MovedFromUntil) is { } until
            ? new PreviousAddress(movedFrom, movedNonce, until)
            : null,
        StrangerPosts is { Length: > 0 } posts ? JsonSerializer.Deserialize(posts, StorageJsonContext.Stored.StringArray) : null,
        PendingSignUp is { Length: > 0 } signUp ? JsonSerializer.Deserialize(signUp, StorageJsonContext.Stored.StoredSignUp)?.ToPendingSignUp() : null);
}
