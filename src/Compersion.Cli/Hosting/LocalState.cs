using System.Text.Json;
using System.Text.Json.Serialization;

namespace Compersion.Cli.Hosting;

/// <summary>Secrets the local host generates once and keeps in its state folder (never in the repository).</summary>
/// <param name="TokenSecret">The local token-signing secret, so links in the outbox keep working across restarts.</param>
/// <param name="FunctionKey">The local default function key.</param>
/// <param name="MasterKey">The local master key.</param>
internal sealed record LocalState(string TokenSecret, string FunctionKey, string MasterKey)
{
    private const string FileName = "local-secrets.json";

    /// <summary>Loads the state folder's secrets, creating them on first use.</summary>
    public static LocalState LoadOrCreate(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        if (File.Exists(path))
        {
            var existing = JsonSerializer.Deserialize(File.ReadAllText(path), LocalStateJsonContext.Default.LocalState);
            if (existing is not null)
            {
                return existing;
            }
        }

        var state = new LocalState(FunctionKeys.NewKey() + FunctionKeys.NewKey(), FunctionKeys.NewKey(), FunctionKeys.NewKey());
        File.WriteAllText(path, JsonSerializer.Serialize(state, LocalStateJsonContext.Default.LocalState));
        return state;
    }
}

/// <summary>Source-generated JSON for <see cref="LocalState"/>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LocalState))]
internal sealed partial class LocalStateJsonContext : JsonSerializerContext;
