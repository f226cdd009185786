using System.Text.Json.Serialization;
using Compersion.Core.Kindness;

namespace Compersion.Storage.Kindness;

/// <summary>The stored shape of a kind act, decoupled from the domain record so renames there don't break stored rows.</summary>
internal sealed record StoredKindAct(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("category")] string? Category,
    [property: JsonPropertyName("recipient")] string? Recipient,
    [property: JsonPropertyName("chosen"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Chosen = false,
    [property: JsonPropertyName("src"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Source = null)
{
    public static StoredKindAct From(KindAct act) => new(act.Text, act.Category, act.Recipient, act.Chosen, act.Source);

    public KindAct ToAct() => new(Text, Category, Recipient, Chosen) { Source = Source };
}
