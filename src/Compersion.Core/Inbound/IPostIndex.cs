namespace Compersion.Core.Inbound;

/// <summary>
/// Which archived raw posts (and inbound ledger rows) belong to which subscriber, written when ingestion attributes a
/// post, so deleting a subscriber finds their raw mail and every ledger row of it without scanning the archive or the
/// ledger (a port; Storage keeps it in a table).
/// </summary>
/// <remarks>
/// A post can get more than one ledger key over its life: held as unverified and then kept by its link, or keyed by its
/// Message-ID alone before keys named the subscriber and again afterwards. Each (post, key) pair is recorded on its own,
/// so recording a second key never hides the first from a deletion.
/// </remarks>
public interface IPostIndex
{
    /// <summary>Records that an archived post was attributed to a subscriber under one ledger key; recording the same post and key again changes nothing.</summary>
    /// <param name="subscriberId">Whose post it is.</param>
    /// <param name="archiveName">The post's name in the archive.</param>
    /// <param name="messageKey">One of the post's inbound ledger keys.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task RecordAsync(string subscriberId, string archiveName, string messageKey, CancellationToken cancellationToken = default);
}
