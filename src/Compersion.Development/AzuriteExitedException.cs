using System.Globalization;

namespace Compersion.Development;

/// <summary>Azurite exited before it was listening; the message carries its last output.</summary>
internal sealed class AzuriteExitedException(int exitCode, string output)
    : InvalidOperationException(string.Create(
        CultureInfo.InvariantCulture,
        $"Azurite exited with code {exitCode} before it was listening. Its output:{Environment.NewLine}{output}"))
{
    public int ExitCode { get; } = exitCode;
}
