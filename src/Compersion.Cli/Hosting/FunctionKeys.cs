using System.Security.Cryptography;
using Microsoft.Azure.Functions.Worker;

namespace Compersion.Cli.Hosting;

/// <summary>Function keys, enforced as the Functions host does: <c>?code=</c> or the <c>x-functions-key</c> header.</summary>
/// <param name="FunctionKey">The default function key (Function level).</param>
/// <param name="MasterKey">The master key (Admin level, and any Function-level route).</param>
internal sealed record FunctionKeys(string FunctionKey, string MasterKey)
{
    /// <summary>Whether a request carries a key good enough for the level.</summary>
    public bool Allows(HttpRequest request, AuthorizationLevel level)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (level == AuthorizationLevel.Anonymous)
        {
            return true;
        }

        var presented = request.Headers["x-functions-key"].ToString();
        if (string.IsNullOrEmpty(presented))
        {
            presented = request.Query["code"].ToString();
        }

        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        return Matches(presented, MasterKey) || (level != AuthorizationLevel.Admin && Matches(presented, FunctionKey));
    }

    /// <summary>A new random key.</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)).Replace('+', '-').Replace('/', '_');

    private static bool Matches(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(presented), System.Text.Encoding.UTF8.GetBytes(expected));
}
