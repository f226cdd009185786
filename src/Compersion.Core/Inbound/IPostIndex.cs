namespace Compersion.Core.Inbound;

/// <summary>
/// Which archived raw posts (and inbound ledger rows) belong to which subscriber, written when ingestion attributes a
/// post, so deleting a subscriber finds their raw mail without scanning the archive (a port; Storage keeps it in a table).
/// </summary>
public interface IPostIndex
{
    /// <summary>Records that an archived post was attributed to a subscriber; recording the same post again changes nothing.</summary>
    /// <param name="subscriberId">Whose post it is.</param>
    /// <param name="archiveName">The post's name in the archive.</param>
    /// <param name="messageKey">The post's inbound ledger key.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task RecordAsync(string subscriberId, string archiveName, string messageKey, CancellationToken cancellationToken = default);
}
