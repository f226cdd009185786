namespace Compersion.Core.Subscribers;

/// <summary>A person who receives the daily prompt, with their settings.</summary>
/// <param name="Id">Opaque, random identifier; never derived from the address, safe in URLs and tokens.</param>
/// <param name="Email">The address prompts are sent to. Never logged.</param>
/// <param name="Zone">IANA time zone id, e.g. <c>Europe/Berlin</c>.</param>
/// <param name="PromptTime">Local time of day the prompt is sent.</param>
/// <param name="DigestDay">Local weekday of the weekly digest.</param>
/// <param name="DigestTime">Local time of the weekly digest.</param>
/// <param name="Status">Where the subscriber stands.</param>
/// <param name="CreatedAt">When they first signed up.</param>
/// <param name="ConfirmedAt">When they confirmed; null while pending.</param>
/// <param name="LastReplyDate">Local date of the last reply we received, for the kind back-off.</param>
/// <param name="MemoriesEnabled">Whether prompts resurface an earlier item.</param>
/// <param name="ReceiptsEnabled">Whether complete replies also get a receipt.</param>
/// <param name="KindnessGoal">Kind acts per week the subscriber aims for.</param>
/// <param name="ApiTokenHash">SHA-256 (hex) of the personal entries-API token's secret; the token itself is never stored.</param>
/// <param name="TwelveHourClock">Whether mail shows times on a 12-hour clock ("8:00 pm"), as the browser's locale did at sign-up; else 24-hour ("20:00").</param>
/// <param name="PausedUntil">While paused: the local date mail comes again by itself (<c>PAUSE 2026-12-28</c>); null for a pause until <c>RESUME</c>.</param>
/// <param name="ResumedOn">The local date of the last resume, which counts as activity for the kind back-off (a pause is no silence).</param>
/// <param name="PromptsEnabled">Whether the daily prompt is sent (<c>PROMPTS OFF</c> leaves the digest alone).</param>
/// <param name="DigestEnabled">Whether the weekly digest is sent (<c>DIGEST OFF</c> leaves the prompt alone).</param>
/// <param name="PendingAddress">A new address asked for and not yet confirmed by the link sent to it.</param>
/// <param name="AddressChangedAt">When the address last changed: links minted before it (mailed to the old address) open nothing.</param>
/// <param name="PreviousEmailHash">The hash (<see cref="EmailAddress.Hash"/>) of the address before the last confirmed change, so a reply from it is told apart from a stranger's; never the address itself.</param>
/// <param name="ExtraAddresses">Further sending addresses (<c>ADD ADDRESS</c>, the settings page), each confirmed by the link mailed to it: replies from them are theirs as from <see cref="Email"/>, but mail still goes to <see cref="Email"/> alone. Null when there are none. Never logged.</param>
/// <param name="MovedFrom">The address before the last confirmed move, for <see cref="PreviousAddress.UndoWindow"/> after it, so the notice mailed there can undo the move (<see cref="UndoMove"/>); null otherwise. Never logged.</param>
/// <param name="StrangerNotedOn">The local date the subscriber was last told that a reply with their token came from an address they have not added, so they are told at most once a week.</param>
/// <param name="StrangerPosts">Replies with their token quarantined because the sender's address was not theirs, newest last, each as <c>{address hash} {archive name}</c> (never the address): saved when that address is added and confirmed (<see cref="TakeStrangerPosts"/>). Null when there are none.</param>
/// <param name="SignUp">A sign-up typed again for one of their addresses while pending or unsubscribed, waiting for the link mailed to the address typed: nothing else changes until it is followed (<see cref="ConfirmSignUp"/>). Null when there is none. Never logged.</param>
public sealed record Subscriber(
    string Id,
    string Email,
    string Zone,
    LocalTime PromptTime,
    IsoDayOfWeek DigestDay,
    LocalTime DigestTime,
    SubscriberStatus Status,
    Instant CreatedAt,
    Instant? ConfirmedAt,
    LocalDate? LastReplyDate,
    bool MemoriesEnabled = true,
    bool ReceiptsEnabled = false,
    int KindnessGoal = Subscriber.DefaultKindnessGoal,
    string? ApiTokenHash = null,
    bool TwelveHourClock = false,
    LocalDate? PausedUntil = null,
    LocalDate? ResumedOn = null,
    bool PromptsEnabled = true,
    bool DigestEnabled = true,
    PendingAddress? PendingAddress = null,
    string? PreviousEmailHash = null,
    Instant? AddressChangedAt = null,
    IReadOnlyList<string>? ExtraAddresses = null,
    LocalDate? StrangerNotedOn = null,
    PreviousAddress? MovedFrom = null,
    IReadOnlyList<string>? StrangerPosts = null,
    PendingSignUp? SignUp = null)
{
    /// <summary>The most quarantined replies from unknown senders remembered per subscriber (the newest): a flood from a stranger keeps no more.</summary>
    public const int MaxStrangerPosts = 10;

    /// <summary>The most further addresses one subscriber may add: enough for work, an alias and an old account.</summary>
    public const int MaxExtraAddresses = 5;

    /// <summary>The further addresses, confirmed (empty when there are none).</summary>
    public IReadOnlyList<string> Extras => ExtraAddresses ?? [];

    /// <summary>Remembers a reply with their token that was quarantined because it came from <paramref name="address"/>, not theirs (yet).</summary>
    /// <remarks>Only the newest <see cref="MaxStrangerPosts"/> are kept; the same post twice (a redelivery) is kept once.</remarks>
    public Subscriber RememberStrangerPost(string address, string archiveName)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        ArgumentException.ThrowIfNullOrEmpty(archiveName);
        var entry = EmailAddress.Hash(address) + " " + archiveName;
        var posts = StrangerPosts ?? [];
        return posts.Contains(entry, StringComparer.Ordinal)
            ? this
            : this with { StrangerPosts = [.. posts.Skip(Math.Max(0, posts.Count + 1 - MaxStrangerPosts)), entry] };
    }

    /// <summary>The archive names of the remembered quarantined replies from <paramref name="address"/>, oldest first, and the subscriber without them.</summary>
    public (Subscriber Remaining, IReadOnlyList<string> ArchiveNames) TakeStrangerPosts(string address)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        var prefix = EmailAddress.Hash(address) + " ";
        var posts = StrangerPosts ?? [];
        var taken = posts.Where(post => post.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        if (taken.Count == 0)
        {
            return (this, []);
        }

        var rest = posts.Except(taken, StringComparer.Ordinal).ToList();
        return (this with { StrangerPosts = rest.Count == 0 ? null : rest }, [.. taken.Select(post => post[prefix.Length..])]);
    }

    /// <summary>Whether <paramref name="address"/> is the registered address (mail goes there).</summary>
    public bool IsPrimary(string? address) => Same(address, Email);

    /// <summary>Whether <paramref name="address"/> is theirs: the registered address or a confirmed further one.</summary>
    /// <remarks>A further address still waiting for its link (<see cref="PendingAddress"/>) is not theirs yet.</remarks>
    public bool Owns(string? address) => IsPrimary(address) || Extras.Any(extra => Same(address, extra));

    /// <summary>Every address that is theirs, the registered one first (each holds a row of the address index).</summary>
    public IReadOnlyList<string> AllAddresses => [Email, .. Extras];

    /// <summary>Takes a further address back (<c>REMOVE ADDRESS</c>): replies from it are no longer theirs.</summary>
    /// <remarks>Returns this same instance when it is not one of their further addresses.</remarks>
    public Subscriber RemoveAddress(string address)
    {
        var kept = Extras.Where(extra => !Same(address, extra)).ToArray();
        return kept.Length == Extras.Count ? this : this with { ExtraAddresses = kept.Length == 0 ? null : kept };
    }

    /// <summary>The default local time of the daily prompt.</summary>
    public static readonly LocalTime DefaultPromptTime = new(20, 0);

    /// <summary>The default local time of the weekly digest.</summary>
    public static readonly LocalTime DefaultDigestTime = new(18, 0);

    /// <summary>The weekly kindness goal a new subscriber starts with (the article's "once a week").</summary>
    public const int DefaultKindnessGoal = 1;

    /// <summary>The highest weekly kindness goal accepted anywhere (sign-up, settings page, the <c>GOAL</c> command); the lowest is 0.</summary>
    public const int MaxKindnessGoal = 14;

    /// <summary>The subscriber's time zone, resolved from the bundled tz database.</summary>
    public DateTimeZone TimeZone => DateTimeZoneProviders.Tzdb[Zone];

    // The lifecycle: every status change in the app goes through one of these, so its rules live here alone.
    // Each returns this same instance when the transition does not apply, so a caller can tell whether it changed anything.

    /// <summary>Pending → Active, by the double opt-in link; anything else stays as it is.</summary>
    /// <remarks>A sign-up typed again since (<see cref="SignUp"/>) is dropped: the link followed was mailed with the first one's settings.</remarks>
    public Subscriber Confirm(Instant now) =>
        Status == SubscriberStatus.Pending ? this with { Status = SubscriberStatus.Active, ConfirmedAt = now, SignUp = null } : this;

    /// <summary>Records a sign-up typed again for one of their addresses, waiting for the link mailed to the address typed.</summary>
    /// <remarks>Only while pending or unsubscribed (an active or paused subscriber's settings are theirs to change); returns this same instance otherwise.</remarks>
    public Subscriber RequestSignUp(PendingSignUp request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Status is SubscriberStatus.Pending or SubscriberStatus.Unsubscribed ? this with { SignUp = request } : this;
    }

    /// <summary>
    /// Pending or Unsubscribed → Active with the settings typed, when <paramref name="nonce"/> is the waiting sign-up's and
    /// its link has not lapsed: the link mailed to the address typed was followed.
    /// </summary>
    /// <remarks>
    /// Mail still goes to the registered address (a further address typed proves its reader is this subscriber, as
    /// <c>ADD ADDRESS</c> did). Returns this same instance when there is nothing to confirm (no sign-up waiting, a
    /// superseded or lapsed link, or a subscriber who is active or paused again by other means).
    /// </remarks>
    public Subscriber ConfirmSignUp(int nonce, Instant now) =>
        SignUp is { } request && request.Nonce == nonce && now <= request.Expires && Status is SubscriberStatus.Pending or SubscriberStatus.Unsubscribed
            ? request.AppliedTo(this) with
            {
                Status = SubscriberStatus.Active,
                ConfirmedAt = now,
                PausedUntil = null,
                SignUp = null,
            }
            : this;

    /// <summary>Pending or Unsubscribed → Active, when the operator (or a returning person's confirmed sign-up) brings them back; keeps the first confirmation time.</summary>
    public Subscriber Reactivate(Instant now) =>
        Status is SubscriberStatus.Pending or SubscriberStatus.Unsubscribed ? this with { Status = SubscriberStatus.Active, ConfirmedAt = ConfirmedAt ?? now } : this;

    /// <summary>Active → Paused until <c>RESUME</c> (PAUSE, the settings page, a bounce or spam report); a pause with an end date becomes open-ended; a pending or unsubscribed person is not paused into receiving mail later.</summary>
    public Subscriber Pause() => Status switch
    {
        SubscriberStatus.Active => this with { Status = SubscriberStatus.Paused, PausedUntil = null },
        SubscriberStatus.Paused when PausedUntil is not null => this with { PausedUntil = null },
        _ => this,
    };

    /// <summary>Active or Paused → Paused until <paramref name="until"/>, the first local date mail comes again (<c>PAUSE 2026-12-28</c>, <c>PAUSE 2 WEEKS</c>, the settings page).</summary>
    /// <remarks>A pending or unsubscribed person is never paused into receiving mail later.</remarks>
    public Subscriber PauseUntil(LocalDate until) => Status switch
    {
        SubscriberStatus.Active => this with { Status = SubscriberStatus.Paused, PausedUntil = until },
        SubscriberStatus.Paused when PausedUntil != until => this with { PausedUntil = until },
        _ => this,
    };

    /// <summary>Paused or Unsubscribed → Active, by the person's own <c>RESUME</c> (the way back the STOP answer offers) or the settings page; never a pending sign-up.</summary>
    /// <param name="today">The subscriber's local date, recorded so the days paused never count as silence for the back-off.</param>
    public Subscriber Resume(LocalDate? today = null) =>
        Status is SubscriberStatus.Paused or SubscriberStatus.Unsubscribed
            ? this with { Status = SubscriberStatus.Active, PausedUntil = null, ResumedOn = today ?? ResumedOn }
            : this;

    /// <summary>Paused with an end date → Active once <paramref name="date"/> has reached it: the pause ends by itself, on its date.</summary>
    public Subscriber ResumeIfDue(LocalDate date) =>
        Status == SubscriberStatus.Paused && PausedUntil is { } until && until <= date ? Resume(date) : this;

    /// <summary>Records a new address waiting for the link mailed to it; the address in use stays until that link is followed.</summary>
    public Subscriber RequestAddress(PendingAddress pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        return Status == SubscriberStatus.Pending ? this : this with { PendingAddress = pending };
    }

    /// <summary>
    /// Confirms the pending address when <paramref name="nonce"/> is the latest request's and it has not lapsed: a new
    /// address replaces the registered one (the old one remembered only as a hash); a further address
    /// (<see cref="PendingAddress.Extra"/>) joins <see cref="ExtraAddresses"/>.
    /// </summary>
    /// <remarks>Returns this same instance when there is nothing to confirm (no request, a superseded or lapsed link).</remarks>
    public Subscriber ConfirmAddress(int nonce, Instant now) => PendingAddress is { } pending && pending.Nonce == nonce && now <= pending.Expires
        ? pending.Extra
            ? this with { PendingAddress = null, ExtraAddresses = Owns(pending.Email) ? ExtraAddresses : [.. Extras, pending.Email] }
            : this with
            {
                Email = pending.Email,
                PendingAddress = null,
                PreviousEmailHash = EmailAddress.Hash(Email),
                AddressChangedAt = now,
                ExtraAddresses = RemoveAddress(pending.Email).ExtraAddresses,
                MovedFrom = new PreviousAddress(Email, pending.Nonce, now + PreviousAddress.UndoWindow),
            }
        : this;

    /// <summary>Whether the last confirmed move was made by the request <paramref name="nonce"/> names and can still be undone, so a second click on its link finds the move done.</summary>
    public bool MovedBy(int nonce, Instant now) => MovedFrom is { } previous && previous.Nonce == nonce && now <= previous.Until;

    /// <summary>
    /// Moves back to the address of the last move when <paramref name="nonce"/> is that move's and its
    /// <see cref="PreviousAddress.UndoWindow"/> has not passed: the undo link in the notice mailed to the old address.
    /// </summary>
    /// <remarks>
    /// Returns this same instance when there is nothing to undo: no move, a later move since (its nonce differs), or the
    /// window closed. Links mailed to the address moved away from open nothing afterwards (<see cref="AddressChangedAt"/>),
    /// so whoever asked for the move reads no more from that inbox.
    /// </remarks>
    public Subscriber UndoMove(int nonce, Instant now) => MovedFrom is { } previous && previous.Nonce == nonce && now <= previous.Until
        ? this with
        {
            Email = previous.Email,
            PendingAddress = null,
            PreviousEmailHash = EmailAddress.Hash(Email),
            AddressChangedAt = now,
            ExtraAddresses = RemoveAddress(previous.Email).ExtraAddresses,
            MovedFrom = null,
        }
        : this;

    /// <summary>Forgets the address moved away from once its <see cref="PreviousAddress.UndoWindow"/> is over: it undoes nothing then, and is not kept longer than it is needed.</summary>
    public Subscriber ForgetLapsedMove(Instant now) => MovedFrom is { } previous && now > previous.Until ? this with { MovedFrom = null } : this;

    /// <summary>Whether a link lapsing at <paramref name="expires"/> after living <paramref name="lifetime"/> was minted before the address changed, so went to the old address.</summary>
    /// <remarks>Such a link opens nothing: whoever reads the old inbox never reads the journal again.</remarks>
    public bool Predates(Instant expires, Duration lifetime) => AddressChangedAt is { } changed && expires - lifetime < changed;

    /// <summary>Any → Unsubscribed (STOP, one-click unsubscribe, deletion); idempotent.</summary>
    public Subscriber Unsubscribe() =>
        Status == SubscriberStatus.Unsubscribed ? this : this with { Status = SubscriberStatus.Unsubscribed };

    private static bool Same(string? address, string known) =>
        address is not null && EmailAddress.TryNormalize(address, out var normalized) && string.Equals(normalized, known, StringComparison.OrdinalIgnoreCase);
}
