namespace Compersion.Core.Journal;

/// <summary>What <c>UNDO</c> took back (or would take back) of one reply: its gratitudes and acts, and how many photos.</summary>
/// <param name="Written">The items and acts it wrote.</param>
/// <param name="Photos">The photos it brought (blobs and thumbnails, deleted together).</param>
public sealed record UndoneReply(JournalAddition Written, int Photos)
{
    /// <summary>Nothing to take back.</summary>
    public static UndoneReply None { get; } = new(JournalAddition.Empty, 0);

    /// <summary>Whether nothing was (or would be) taken back.</summary>
    public bool IsEmpty => Written.IsEmpty && Photos == 0;
}
