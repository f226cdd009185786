using Compersion.Cli.Inbox;
using Compersion.Core.Export;
using Compersion.Core.Inbound;
using Compersion.Core.Links;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Compersion.Core.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime;

namespace Compersion.Cli.Tests;

/// <summary>
/// A reply to the weekly digest through <c>serve</c>'s webhook is read line by line: the day's gratitudes stay
/// gratitudes, only the act is an act, the receipt says which is which, and <c>UNDO</c> sent as a reply to that receipt
/// takes exactly that reply back (a later archive replay does not bring it back).
/// </summary>
public sealed class DigestRepliesEndToEndTests
{
    // Wednesday 25 November 2026, 20:30 in Berlin.
    private static readonly DateTimeOffset Evening = new(2026, 11, 25, 19, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task DigestReply_TheDaysGratitudesAndOneAct_FiledApartThenUndoTakesExactlyThatReplyBack()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening);
        Assert.True(SignUpRequest.TryCreate("noor@example.com", "Europe/Berlin", "20:00", "wednesday", "18:00", out var request, out _));
        var noor = await local.Host.Services.GetRequiredService<SubscriptionService>().AddConfirmedAsync(request!);
        var digest = Digest(local, noor);
        await PostAsync(local, InboundParsePost.Reply(Prompt(local, noor), "1. Coffee with Ana before work"));

        var digestReply = InboundParsePost.Reply(digest, "1. The snow\n2. Sam made me dinner\n3. Shovelled the path for the neighbour");
        await PostAsync(local, digestReply);
        var filed = Assert.Single(await ExportEntriesAsync(local));
        var receipt = Outbox.Read(local.Outbox, "receipt").Single(mail => mail.InReplyTo == digestReply.MessageId);
        var undo = InboundParsePost.Reply(receipt, "UNDO");
        await PostAsync(local, undo);
        var undone = Assert.Single(await ExportEntriesAsync(local));
        var replay = await local.Host.Services.GetRequiredService<ArchiveReparser>().ReparseSinceAsync(new DateOnly(2026, 11, 25), apply: true);

        Assert.Equal(["Coffee with Ana before work", "The snow", "Sam made me dinner"], filed.Items.Select(item => item.Text));
        Assert.Equal(["Shovelled the path for the neighbour"], filed.Acts.Select(act => act.Text));
        Assert.Contains("Kind act: Shovelled the path for the neighbour", receipt.TextBody, StringComparison.Ordinal);
        Assert.Contains("Reply UNDO to this note", string.Join(' ', receipt.TextBody!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Equal(["Coffee with Ana before work"], undone.Items.Select(item => item.Text));
        Assert.Empty(undone.Acts);
        var answer = Outbox.Read(local.Outbox).Single(mail => mail.TextBody?.Contains("journal again", StringComparison.Ordinal) == true);
        Assert.Equal("noor@example.com", answer.To.Mailboxes.Single().Address);
        Assert.Equal(undo.MessageId, answer.InReplyTo);
        Assert.Equal(1, replay[ReparseOutcome.KeptCorrected]);
        Assert.Equal(["Coffee with Ana before work"], Assert.Single(await ExportEntriesAsync(local)).Items.Select(item => item.Text));
    }

    [Fact]
    public async Task Undo_MoreThanADayAfterTheReply_NothingTakenBackAndAnsweredWithTheJournalPage()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening);
        Assert.True(SignUpRequest.TryCreate("omar@example.com", "Europe/Berlin", "20:00", "wednesday", "18:00", out var request, out _));
        var omar = await local.Host.Services.GetRequiredService<SubscriptionService>().AddConfirmedAsync(request!);
        var reply = InboundParsePost.Reply(Prompt(local, omar), "1. Coffee with Ana before work");
        await PostAsync(local, reply);
        var receipt = Outbox.Read(local.Outbox, "receipt").Single(mail => mail.InReplyTo == reply.MessageId);

        local.Clock.SetTo(Evening.AddHours(25));
        var undo = InboundParsePost.Reply(receipt, "UNDO");
        await PostAsync(local, undo);

        Assert.Equal(["Coffee with Ana before work"], Assert.Single(await ExportEntriesAsync(local, "omar@example.com")).Items.Select(item => item.Text));
        var answer = Outbox.Read(local.Outbox).Single(mail => mail.InReplyTo == undo.MessageId);
        Assert.Contains("UNDO works for a day after a reply", answer.TextBody, StringComparison.Ordinal);
        Assert.Contains("/api/journal?token=", answer.TextBody, StringComparison.Ordinal);
        Assert.Equal("omar@example.com", answer.To.Mailboxes.Single().Address);
    }

    private static async Task PostAsync(LocalHostFixture local, MimeMessage reply)
    {
        await local.PostInboundAsync(InboundParsePost.Raw(reply));
        await local.Host.DrainQueuesAsync(CancellationToken.None);
    }

    // The mails as sent carry exactly these Reply-To addresses; building them here keeps the test to the reply path.
    private static MimeMessage Digest(LocalHostFixture local, Subscriber subscriber) =>
        Sent(local, subscriber, TokenPurpose.Digest, "Your week of gratitude and kindness — Wednesday, 25 November", "What kind act did you do this week? Just reply.");

    private static MimeMessage Prompt(LocalHostFixture local, Subscriber subscriber) =>
        Sent(local, subscriber, TokenPurpose.Prompt, "Five gratitudes for Wednesday", "What are five things you're grateful for today?");

    private static MimeMessage Sent(LocalHostFixture local, Subscriber subscriber, TokenPurpose purpose, string subject, string text)
    {
        var options = local.Host.Services.GetRequiredService<IOptions<MailOptions>>().Value;
        var signer = local.Host.Services.GetRequiredService<TokenSigner>();
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(options.From));
        mail.To.Add(MailboxAddress.Parse(subscriber.Email));
        mail.ReplyTo.Add(MailboxAddress.Parse(ReplyAddress.For(signer, options, purpose, subscriber.Id, new LocalDate(2026, 11, 25))));
        mail.Subject = subject;
        mail.Body = new TextPart("plain") { Text = text };
        return mail;
    }

    private static async Task<IReadOnlyList<ExportEntry>> ExportEntriesAsync(LocalHostFixture local, string email = "noor@example.com") =>
        (await local.Host.Services.GetRequiredService<ExportService>().ExportAsync(email))!.Entries;
}
