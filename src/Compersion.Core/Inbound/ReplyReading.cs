using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Replies;

namespace Compersion.Core.Inbound;

/// <summary>What one reply mail says: its visible text, and its gratitudes and kind acts as they would be written to the journal.</summary>
/// <param name="Visible">The visible new text and the body it came from.</param>
/// <param name="Addition">The gratitudes with their signals and the kind acts classified, at most <see cref="MaxItems"/> of each.</param>
/// <remarks>
/// The one path from a mail's bodies to what is saved: ingestion writes it (through <see cref="JournalWriter"/>) and
/// <c>compersion parse</c> prints it, so what parse shows is what a reply would save.
/// </remarks>
public sealed record ReplyReading(VisibleReply Visible, JournalAddition Addition)
{
    /// <summary>Most items, and most acts, one reply saves.</summary>
    public const int MaxItems = JournalWriter.MaxItems;

    /// <summary>The gratitudes.</summary>
    public IReadOnlyList<JournalItem> Items => Addition.Items;

    /// <summary>The kind acts.</summary>
    public IReadOnlyList<KindAct> Acts => Addition.Acts;

    /// <summary>Reads a received mail: its plain-text body when it has text, else its HTML.</summary>
    /// <param name="mail">The mail as the inbound reader decoded it.</param>
    /// <param name="digestReply">A reply to the weekly digest: read line by line, a line that reads as a kind act is one (<see cref="ActLines"/>), the rest are gratitudes.</param>
    public static ReplyReading Read(InboundMail mail, bool digestReply = false)
    {
        ArgumentNullException.ThrowIfNull(mail);
        return Read(VisibleReply.Read(mail.Text, mail.Html, mail.From), digestReply);
    }

    /// <summary>Splits and understands visible text already read.</summary>
    /// <param name="visible">The visible text and its source.</param>
    /// <param name="digestReply">A reply to the weekly digest: read line by line, a line that reads as a kind act is one (<see cref="ActLines"/>), the rest are gratitudes.</param>
    public static ReplyReading Read(VisibleReply visible, bool digestReply = false)
    {
        ArgumentNullException.ThrowIfNull(visible);
        var content = visible.Split();
        var addition = digestReply
            ? JournalWriter.Understand(content.Items.Where(item => !ActLines.ReadsAsAct(item)).Take(MaxItems), content.Acts.Concat(content.Items.Where(ActLines.ReadsAsAct)).Take(MaxItems))
            : JournalWriter.Understand(content.Items.Take(MaxItems), content.Acts.Take(MaxItems));
        return new ReplyReading(visible, addition);
    }
}
