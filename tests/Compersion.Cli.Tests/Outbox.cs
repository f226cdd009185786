using System.Text.RegularExpressions;
using MimeKit;

namespace Compersion.Cli.Tests;

/// <summary>Reads the pickup folder the way a person reads their inbox.</summary>
internal static partial class Outbox
{
    public static IReadOnlyList<MimeMessage> Read(string folder, string? kind = null) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.eml").Order(StringComparer.Ordinal)
                .Select(path => MimeMessage.Load(path))
                .Where(m => kind is null || m.Headers["X-Compersion-Kind"] == kind)
                .ToList()
            : [];

    public static async Task<MimeMessage> WaitForAsync(string folder, string kind, int count = 1)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var found = Read(folder, kind);
            if (found.Count >= count)
            {
                return found[count - 1];
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    public static string Link(MimeMessage message, string path)
    {
        var match = LinkPattern().Matches(message.TextBody ?? string.Empty).FirstOrDefault(m => m.Value.Contains(path, StringComparison.Ordinal));
        Assert.True(match is not null, $"No {path} link in the mail's text.");
        return match!.Value;
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex LinkPattern();
}
