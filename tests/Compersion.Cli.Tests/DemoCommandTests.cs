using Compersion.Cli.Commands;
using Compersion.Core.Subscriptions;
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
        Assert.Contains("replies posted to the Inbound Parse webhook", summary, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Demo_EightDays_EndsWithADigestReflectingTheRepliesItPosted()
    {
        var folder = Path.Combine(Path.GetTempPath(), "compersion-tests", Guid.NewGuid().ToString("N"));
        Assert.True(SignUpRequest.TryCreate("demo@example.com", "Europe/Berlin", "20:00", null, null, out var request, out _));

        await DemoCommand.RunAsync(request!, new LocalDate(2026, 6, 4), 8, folder, CancellationToken.None);

        // No digest on day one (too soon after joining): the first comes on day eight and is the "first week" one.
        var digest = Assert.Single(Outbox.Read(folder, "digest"));
        Assert.Equal(new DateOnly(2026, 6, 11), DateOnly.FromDateTime(digest.Date.UtcDateTime));
        var last = digest.TextBody!;
        Assert.Contains("Your first week\nThursday 4 to Wednesday 10 June", last, StringComparison.Ordinal);
        Assert.Contains("What a start: you wrote on 6 days", last, StringComparison.Ordinal);
        Assert.Contains("Who showed up most: Sam", last, StringComparison.Ordinal);

        // The kindness: line of the first reply; the reply to the digest logs two more acts, as its receipt says.
        Assert.Contains("1 secret act this week", last, StringComparison.Ordinal);
        Assert.Contains("  - left a thank-you note on my neighbour's car\n", last, StringComparison.Ordinal);
        // Receipts are threaded under what they answer ("Re: …"), so they are told apart by what they say was saved.
        var acts = Assert.Single(Outbox.Read(folder, "receipt"), receipt => receipt.TextBody!.Contains(" kind acts.", StringComparison.Ordinal)).TextBody!;
        Assert.Contains("Kind act: paid for the coffee of the person behind me (generosity for a stranger)", acts, StringComparison.Ordinal);
        Assert.Contains("Kind act: taught my nephew to tie his shoelaces (a skill shared with family)", acts, StringComparison.Ordinal);
        Assert.Single(Outbox.Read(folder, "receipt"), receipt => receipt.TextBody!.Contains(" gratitudes.", StringComparison.Ordinal));
        Directory.Delete(folder, recursive: true);
    }
}
