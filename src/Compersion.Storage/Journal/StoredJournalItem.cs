using System.Text.Json.Serialization;
using Compersion.Core.Journal;

namespace Compersion.Storage.Journal;

/// <summary>The stored shape of a journal item, decoupled from the domain record so renames there don't break stored rows.</summary>
internal sealed record StoredJournalItem(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("social")] bool Social,
    [property: JsonPropertyName("vague")] bool Vague,
    [property: JsonPropertyName("compersion")] bool Compersion,
    [property: JsonPropertyName("src"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Source = null)
{
    public static StoredJournalItem From(JournalItem item) => new(item.Text, item.Social, item.Vague, item.Compersion, item.Source);

    public JournalItem ToItem() => new(Text, Social, Vague, Compersion) { Source = Source };
}
