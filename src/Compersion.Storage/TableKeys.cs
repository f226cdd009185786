using System.Globalization;

namespace Compersion.Storage;

/// <summary>Checks on values that become partition or row keys, and the status codes the adapters expect.</summary>
internal static class TableKeys
{
    /// <summary>Keys are at most 1 KiB; ids are far shorter, so anything longer is not one of ours.</summary>
    private const int MaxKeyLength = 256;

    /// <summary>Whether a value may be used as a key: not empty, no <c>/ \ # ?</c>, no control characters.</summary>
    public static bool IsSafe(string? value) =>
        !string.IsNullOrEmpty(value)
        && value.Length <= MaxKeyLength
        && !value.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));

    /// <summary>Throws when a caller hands over a value that cannot be a key.</summary>
    public static string Require(string? value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        return IsSafe(value)
            ? value
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"'{paramName}' cannot be used as a table key."), paramName);
    }

    public static bool IsConflict(this RequestFailedException exception) => exception.Status == 409;

    public static bool IsNotFound(this RequestFailedException exception) => exception.Status == 404;

    public static bool IsPreconditionFailed(this RequestFailedException exception) => exception.Status == 412;
}
