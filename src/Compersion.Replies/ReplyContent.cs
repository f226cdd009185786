namespace Compersion.Replies;

/// <summary>What a reply said: its gratitude items and its kind acts, in the order written.</summary>
/// <param name="Items">Gratitudes, list markers stripped and whitespace normalised.</param>
/// <param name="Acts">Kind acts from lines starting <c>kindness:</c>, the marker stripped.</param>
public sealed record ReplyContent(IReadOnlyList<string> Items, IReadOnlyList<string> Acts)
{
    /// <summary>Whether the reply held neither an item nor an act.</summary>
    public bool IsEmpty => Items.Count == 0 && Acts.Count == 0;
}
