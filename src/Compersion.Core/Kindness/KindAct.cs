using System.Text.Json.Serialization;

namespace Compersion.Core.Kindness;

/// <summary>One secret act of kindness, as logged by the subscriber.</summary>
/// <param name="Text">The act as written, marker (<c>kindness:</c>) stripped.</param>
/// <param name="Category">
/// What kind of act it was (words, time/attention, practical help, gift …); null until acts are classified.
/// </param>
/// <param name="Recipient">Who it was for (partner, neighbour, stranger …); null until acts are classified.</param>
/// <param name="Chosen">
/// The subscriber chose the category and recipient themselves (on the journal's day page): their choice wins over the
/// classifier's, is never re-inferred, and is shown as theirs.
/// </param>
public sealed record KindAct(string Text, string? Category = null, string? Recipient = null, bool Chosen = false)
{
    /// <summary>The key of the message (or post, or imported day) that wrote this act; null once the subscriber edited or moved it.</summary>
    /// <remarks>See <see cref="Journal.JournalItem.Source"/>. Never exported.</remarks>
    [JsonIgnore]
    public string? Source { get; init; }
}
