using Compersion.Cli.Commands;
using Compersion.Core.Subscribers;
using NodaTime;

namespace Compersion.Cli.Tests;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_EightDaysAcrossNewYorkSpringForward_ExactlyOnePromptPerLocalDay()
    {
        var folder = Path.Combine(Path.GetTempPath(), "compersion-tests", Guid.NewGuid().ToString("N"));
        Assert.True(SignUpRequest.TryCreate("demo@example.com", "America/New_York", "20:00", null, null, out var request, out _));

        var summary = await DemoCommand.RunAsync(request!, new LocalDate(2026, 3, 5), 8, folder, CancellationToken.None);

        var prompts = Outbox.Read(folder, "prompt");
        Assert.Equal(8, prompts.Count);
        Assert.Equal(
            ["Thursday, 5 March", "Friday, 6 March", "Saturday, 7 March", "Sunday, 8 March", "Monday, 9 March", "Tuesday, 10 March", "Wednesday, 11 March", "Thursday, 12 March"],
            prompts.Select(p => p.Subject![(p.Subject!.IndexOf(" for ", StringComparison.Ordinal) + 5)..]).ToArray());
        Assert.Equal(
            ["2026-03-06T01:00Z", "2026-03-07T01:00Z", "2026-03-08T01:00Z", "2026-03-09T00:00Z", "2026-03-10T00:00Z", "2026-03-11T00:00Z", "2026-03-12T00:00Z", "2026-03-13T00:00Z"],
            prompts.Select(p => p.Date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        Assert.Contains("8 mails", summary, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }
}
