using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Compersion.Cli.Inbox;
using Compersion.Core.Export;
using Compersion.Core.Inbound;
using Compersion.Core.Sending;
using Compersion.Core.Subscribers;
using Compersion.Core.Subscriptions;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Compersion.Cli.Tests;

/// <summary>
/// Forged, broken and oversized mail through <c>compersion serve</c>: every post is answered 200 and archived,
/// nothing unattributable reaches a journal, and nothing is stored or answered twice.
/// </summary>
public sealed class InboundHostileInputTests
{
    // 19:00:30 UTC is 20:00:30 in Berlin: just after the 20:00 prompt.
    private static readonly DateTimeOffset Evening = new(2026, 11, 25, 19, 0, 30, TimeSpan.Zero);

    [Fact]
    public async Task Reply_TokenWithOneCharacterChanged_QuarantinedAndNoEntryAnywhere()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompt = (await PromptsAsync(local, "ana@example.com"))["ana@example.com"];
        var reply = InboundParsePost.Reply(prompt, "1. Coffee with Ana\n2. The sunset");
        var tampered = Tamper(prompt.ReplyTo.Mailboxes.Single().Address);

        var response = await local.PostInboundAsync(InboundParsePost.Raw(reply, envelopeTo: tampered));
        var handled = await local.Host.DrainQueuesAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, handled);
        Assert.Equal("invalid-token", await QuarantineReasonAsync(local));
        Assert.Empty(await JournalRowsAsync(local));
        Assert.Empty(await ExportEntriesAsync(local, "ana@example.com"));
        Assert.Empty(Answers(local));
    }

    [Fact]
    public async Task Reply_AnotherSubscribersTokenFromAThirdAddress_QuarantinedAndNoEntryAnywhere()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompts = await PromptsAsync(local, "ana@example.com", "ben@example.com");
        var reply = InboundParsePost.Reply(prompts["ana@example.com"], "1. I write into Ana's journal", from: "cy@example.net");

        var response = await local.PostInboundAsync(InboundParsePost.Raw(reply));
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("from-mismatch", await QuarantineReasonAsync(local));
        Assert.Empty(await JournalRowsAsync(local));
        AssertOnlyTheTokenOwnerTold(local, "ana@example.com", "c•••@example.net");
    }

    [Fact]
    public async Task Reply_ValidTokenButFromAnotherRegisteredSubscriber_QuarantinedAndNeitherJournalTouched()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompts = await PromptsAsync(local, "ana@example.com", "ben@example.com");
        var reply = InboundParsePost.Reply(prompts["ana@example.com"], "1. Ben writing into Ana's journal\n2. The sunset", from: "ben@example.com");

        var response = await local.PostInboundAsync(InboundParsePost.Raw(reply, spf: "pass", dkim: "{@example.com : pass}"));
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("from-mismatch", await QuarantineReasonAsync(local));
        Assert.Empty(await ExportEntriesAsync(local, "ana@example.com"));
        Assert.Empty(await ExportEntriesAsync(local, "ben@example.com"));
        Assert.Empty(await JournalRowsAsync(local));
        AssertOnlyTheTokenOwnerTold(local, "ana@example.com", "b•••@example.com");
    }

    /// <summary>A forgery that guessed Ana's next Message-ID arrives first and is quarantined; her own reply with that Message-ID is still hers.</summary>
    [Fact]
    public async Task Reply_QuarantinedForgeryWithTheSameMessageIdFirst_GenuineReplyStoredAndReceipted()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompt = (await PromptsAsync(local, "ana@example.com"))["ana@example.com"];
        const string MessageId = "next-reply-4711@mail.example.com";
        var forgery = InboundParsePost.Reply(prompt, "1. Mallory was here", from: "mallory@evil.example", messageId: MessageId);
        var genuine = InboundParsePost.Reply(prompt, "1. Coffee with Ana\n2. The sunset", messageId: MessageId);

        await local.PostInboundAsync(InboundParsePost.Raw(forgery));
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        await local.PostInboundAsync(InboundParsePost.Raw(genuine));
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        var entry = Assert.Single(await ExportEntriesAsync(local, "ana@example.com"));
        Assert.Equal(["Coffee with Ana", "The sunset"], entry.Items.Select(i => i.Text));
        Assert.Equal(
            [("receipt", "ana@example.com"), ("unknown-sender", "ana@example.com")],
            Answers(local).Select(answer => (answer.Headers["X-Compersion-Kind"], answer.To.Mailboxes.Single().Address)).Order());
    }

    /// <summary>Another subscriber's verified mail carrying Ana's next Message-ID is theirs alone: it never shadows Ana's reply.</summary>
    [Fact]
    public async Task Reply_AnotherSubscribersMailWithTheSameMessageIdFirst_BothStoredEachInTheirOwnJournal()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompts = await PromptsAsync(local, "ana@example.com", "ben@example.com");
        const string MessageId = "next-reply-4712@mail.example.com";
        var bens = InboundParsePost.Reply(prompts["ben@example.com"], "1. Tea with Ben's sister\n2. The quiet", messageId: MessageId);
        var anas = InboundParsePost.Reply(prompts["ana@example.com"], "1. Coffee with Ana\n2. The sunset", messageId: MessageId);

        await local.PostInboundAsync(InboundParsePost.Raw(bens));
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        await local.PostInboundAsync(InboundParsePost.Raw(anas));
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        Assert.Equal(["Coffee with Ana", "The sunset"], Assert.Single(await ExportEntriesAsync(local, "ana@example.com")).Items.Select(i => i.Text));
        Assert.Equal(["Tea with Ben's sister", "The quiet"], Assert.Single(await ExportEntriesAsync(local, "ben@example.com")).Items.Select(i => i.Text));
        Assert.Equal(["ana@example.com", "ben@example.com"], Outbox.Read(local.Outbox, "receipt").Select(m => m.To.Mailboxes.Single().Address).Order());
    }

    /// <summary>
    /// Ana's token and a From of hers, but SPF and DKIM both failing (anyone who saw a forwarded prompt can write that):
    /// the TIME change is held, and only the link mailed to Ana applies it; GET only shows the button.
    /// </summary>
    [Fact]
    public async Task Reply_CommandWithTokenAndFromButSpfAndDkimFailing_HeldUntilAnaKeepsItByTheLinkMailedToHer()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompt = (await PromptsAsync(local, "ana@example.com"))["ana@example.com"];
        var forged = InboundParsePost.Raw(InboundParsePost.Reply(prompt, "TIME 07:30"), spf: "fail", dkim: "{}");

        var response = await local.PostInboundAsync(forged);
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        var held = Assert.Single(Answers(local));
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(held.TextBody!, @"http\S+/api/keep\?\S+").Value);
        var timeWhileHeld = (await ProfileAsync(local, "ana@example.com")).PromptTime;
        var page = await local.Http.GetAsync(link.PathAndQuery);
        var timeAfterGet = (await ProfileAsync(local, "ana@example.com")).PromptTime;
        var kept = await local.Http.PostAsync(link.PathAndQuery, null);
        var again = await local.Http.PostAsync(link.PathAndQuery, null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("held", "ana@example.com"), (held.Headers["X-Compersion-Kind"], held.To.Mailboxes.Single().Address));
        Assert.Contains("It asked for this, and nothing has changed yet:", held.TextBody, StringComparison.Ordinal);
        Assert.Contains("TIME 07:30", held.TextBody, StringComparison.Ordinal);
        Assert.Equal((new NodaTime.LocalTime(20, 0), new NodaTime.LocalTime(20, 0)), (timeWhileHeld, timeAfterGet));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Yes, it was me", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (kept.StatusCode, again.StatusCode));
        Assert.Equal(new NodaTime.LocalTime(7, 30), (await ProfileAsync(local, "ana@example.com")).PromptTime);
        Assert.Equal(["command", "held"], Answers(local).Select(m => m.Headers["X-Compersion-Kind"]).Order());
    }

    [Fact]
    public async Task Reply_GratitudesWithTokenAndFromButSpfAndDkimFailing_KeptAsideOutOfTheJournalAndListedInTheNote()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompt = (await PromptsAsync(local, "ana@example.com"))["ana@example.com"];
        var forged = InboundParsePost.Raw(InboundParsePost.Reply(prompt, "1. Coffee with Ana\n2. The sunset"), spf: "softfail", dkim: "{@example.com : fail}");

        await local.PostInboundAsync(forged);
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        Assert.Empty(await JournalRowsAsync(local));
        var held = Assert.Single(Answers(local));
        Assert.Equal(("held", "ana@example.com"), (held.Headers["X-Compersion-Kind"], held.To.Mailboxes.Single().Address));
        Assert.Contains("Coffee with Ana", held.TextBody, StringComparison.Ordinal);
        Assert.Contains("/api/keep?", held.TextBody, StringComparison.Ordinal);
    }

    /// <summary>The issue's report: Ana's token, From: Ana, SPF and DKIM failing, RESUME after her STOP. Nothing comes back on, and nothing is mailed to someone who left.</summary>
    [Fact]
    public async Task Reply_ResumeAfterStopWithTokenAndFromButSpfAndDkimFailing_StillUnsubscribedAndNothingSent()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompt = (await PromptsAsync(local, "ana@example.com"))["ana@example.com"];
        await local.PostInboundAsync(InboundParsePost.Raw(InboundParsePost.Reply(prompt, "STOP")));
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        await local.PostInboundAsync(InboundParsePost.Raw(InboundParsePost.Reply(prompt, "RESUME"), spf: "fail", dkim: "{}"));
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        Assert.Equal(SubscriberStatus.Unsubscribed, (await ProfileAsync(local, "ana@example.com")).Status);
        Assert.Equal("command", Assert.Single(Answers(local)).Headers["X-Compersion-Kind"]);
    }

    /// <summary>A token up to seven days old files under the prompt's date; older, under the local date of arrival (Berlin, UTC+1).</summary>
    [Theory]
    [InlineData("2026-11-28T23:30:00Z", "2026-11-25")]
    [InlineData("2026-12-02T22:30:00Z", "2026-11-25")]
    [InlineData("2026-12-02T23:30:00Z", "2026-12-03")]
    [InlineData("2026-12-05T23:30:00Z", "2026-12-06")]
    public async Task Reply_TokenOlderThanSevenDays_ItemsFiledUnderTheLocalDateOfArrival(string arrival, string expectedDate)
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompt = (await PromptsAsync(local, "ana@example.com"))["ana@example.com"];
        local.Clock.SetTo(DateTimeOffset.Parse(arrival, System.Globalization.CultureInfo.InvariantCulture));

        await local.PostInboundAsync(InboundParsePost.Raw(InboundParsePost.Reply(prompt, "1. Coffee with Ana\n2. The sunset")));
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        var entry = Assert.Single(await ExportEntriesAsync(local, "ana@example.com"));
        Assert.Equal(expectedDate, entry.Date);
        Assert.Equal(["Coffee with Ana", "The sunset"], entry.Items.Select(i => i.Text));
    }

    [Theory]
    [InlineData("fail", "{}")]
    [InlineData("softfail", "{@other.example : pass}")]
    [InlineData("none", "{@example.com : fail}")]
    public async Task Mail_NoTokenFromRegisteredAddressWithoutSpfOrDkimPass_QuarantinedAndNoEntryAnywhere(string spf, string dkim)
    {
        await using var local = await LocalHostFixture.StartAsync(Evening);
        await SignUpAsync(local, "ana@example.com");
        var mail = Tokenless(local, "ana@example.com", "1. Coffee with Ana\n2. The sunset");

        var response = await local.PostInboundAsync(InboundParsePost.Raw(mail, spf: spf, dkim: dkim));
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("unverified-sender", await QuarantineReasonAsync(local));
        Assert.Empty(await JournalRowsAsync(local));
        Assert.Empty(Answers(local));
    }

    /// <summary>SPF vouches for the envelope sender, not the From header: a pass for the sender's own domain proves nothing about a forged From.</summary>
    [Fact]
    public async Task Mail_NoTokenForgedRegisteredFromSentWithSpfAndDkimPassForAnotherDomain_QuarantinedAndNoEntryAnywhere()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening);
        await SignUpAsync(local, "ana@example.com");
        var mail = Tokenless(local, "ana@example.com", "1. Mallory writing into Ana's journal\n2. The sunset");
        var form = Form(
            ("email", Serialize(mail)),
            ("envelope", $$"""{"to":["{{mail.To.Mailboxes.Single().Address}}"],"from":"mallory@evil.example"}"""),
            ("SPF", "pass"),
            ("dkim", "{@evil.example : pass}"));

        var response = await local.PostInboundAsync(form);
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("unverified-sender", await QuarantineReasonAsync(local));
        Assert.Empty(await JournalRowsAsync(local));
        Assert.Empty(Answers(local));
    }

    [Fact]
    public async Task Mail_NoTokenFromRegisteredAddressWithDkimPass_AcceptedUnderTheLocalDateOfArrival()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening);
        await SignUpAsync(local, "ana@example.com");
        var mail = Tokenless(local, "ana@example.com", "1. Coffee with Ana\n2. The sunset");
        local.Clock.SetTo(new DateTimeOffset(2026, 11, 27, 23, 30, 0, TimeSpan.Zero));

        var response = await local.PostInboundAsync(InboundParsePost.Raw(mail, spf: "fail", dkim: "{@example.com : pass}"));
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = Assert.Single(await ExportEntriesAsync(local, "ana@example.com"));
        Assert.Equal("2026-11-28", entry.Date);
        Assert.Equal(["Coffee with Ana", "The sunset"], entry.Items.Select(i => i.Text));
        Assert.Equal("ana@example.com", Assert.Single(Outbox.Read(local.Outbox, "receipt")).To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task Webhook_MalformedMimeInEmailField_200QuarantinedAndTheExactPostStillArchived()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening);
        await SignUpAsync(local, "ana@example.com");
        var form = Form(
            ("email", "this is not mime at all\r\n1. Coffee with Ana\r\n"),
            ("envelope", """{"to":["hello@reply.compersion.local"],"from":"ana@example.com"}"""),
            ("SPF", "pass"),
            ("dkim", "{@example.com : pass}"));
        var posted = await form.ReadAsByteArrayAsync();

        var response = await local.PostInboundAsync(form);
        var handled = await local.Host.DrainQueuesAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, handled);
        Assert.Equal("malformed-mime", await QuarantineReasonAsync(local));
        Assert.Equal(posted, Assert.Single(await ArchivedPostsAsync(local)));
        Assert.Equal(0, await PoisonedAsync(local));
        Assert.Empty(await JournalRowsAsync(local));
        Assert.Empty(Answers(local));
    }

    [Theory]
    [InlineData("multipart/form-data; boundary=xyz")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task Webhook_EmptyBody_200ArchivedAndQuarantinedWithoutRetries(string? contentType)
    {
        await using var local = await LocalHostFixture.StartAsync(Evening);
        var content = new ByteArrayContent([]);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        var response = await local.PostInboundAsync(content);
        var handled = await local.Host.DrainQueuesAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, handled);
        Assert.Empty(Assert.Single(await ArchivedPostsAsync(local)));
        Assert.NotNull(await QuarantineReasonAsync(local));
        Assert.Equal(0, await PoisonedAsync(local));
    }

    [Fact]
    public async Task Reply_WithHtmlAndScript_StoredAsTextExactlyAndEscapedInTheReceipt()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompt = (await PromptsAsync(local, "ana@example.com"))["ana@example.com"];
        const string First = "My friend Sam sent me <script>alert(1)</script> as a joke";
        const string Second = "Learning that <b>bold</b> & <i>italic</i> are just tags";
        var reply = InboundParsePost.Reply(prompt, $"1. {First}\n2. {Second}");
        reply.Body = new MultipartAlternative
        {
            reply.Body!,
            new TextPart("html") { Text = $"<ol><li>{First}</li><li>{Second}</li></ol><script>alert(2)</script>" },
        };

        await local.PostInboundAsync(InboundParsePost.Raw(reply));
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        var entry = Assert.Single(await ExportEntriesAsync(local, "ana@example.com"));
        Assert.Equal([First, Second], entry.Items.Select(i => i.Text));
        var receipt = Assert.Single(Outbox.Read(local.Outbox, "receipt"));
        Assert.Contains(First, receipt.TextBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", receipt.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt; &amp; &lt;i&gt;italic&lt;/i&gt;", receipt.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", receipt.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>bold", receipt.HtmlBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Reply_ThirtyMegabytePostWithAnAttachment_200ArchivedAndTextItemsStored()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompt = (await PromptsAsync(local, "ana@example.com"))["ana@example.com"];
        var reply = InboundParsePost.Reply(prompt, "1. Coffee with Ana\n2. The sunset");
        reply.Body = new Multipart("mixed")
        {
            reply.Body!,
            new MimePart("application", "octet-stream")
            {
                FileName = "holiday.bin",
                ContentTransferEncoding = ContentEncoding.Base64,
                Content = new MimeContent(new MemoryStream(RandomNumberGenerator.GetBytes(22 * 1024 * 1024))),
            },
        };
        var form = InboundParsePost.Raw(reply);
        var size = (await form.ReadAsByteArrayAsync()).Length;

        var response = await local.PostInboundAsync(form);
        var handled = await local.Host.DrainQueuesAsync(CancellationToken.None);

        Assert.InRange(size, 30_000_000, InboundLimits.MaxRequestBodyBytes);
        Assert.Equal(InboundLimits.MaxRequestBodyBytes, local.Host.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.MaxRequestBodySize);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, handled);
        Assert.Equal(size, Assert.Single(await ArchivedPostsAsync(local)).Length);
        var entry = Assert.Single(await ExportEntriesAsync(local, "ana@example.com"));
        Assert.Equal("2026-11-25", entry.Date);
        Assert.Equal(["Coffee with Ana", "The sunset"], entry.Items.Select(i => i.Text));
        Assert.Single(Outbox.Read(local.Outbox, "receipt"));
    }

    [Fact]
    public async Task Reply_SamePostThreeTimesConcurrently_AllArchivedOneEntryOneReceipt()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompt = (await PromptsAsync(local, "ana@example.com"))["ana@example.com"];
        var reply = InboundParsePost.Reply(prompt, "1. Coffee with Ana\n2. The sunset");

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => local.PostInboundAsync(InboundParsePost.Raw(reply))));
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(3, (await ArchivedPostsAsync(local)).Count);
        var entry = Assert.Single(await ExportEntriesAsync(local, "ana@example.com"));
        Assert.Equal(["Coffee with Ana", "The sunset"], entry.Items.Select(i => i.Text));
        Assert.Single(Outbox.Read(local.Outbox, "receipt"));
    }

    [Fact]
    public async Task Reply_TokenCommandPostedThreeTimesConcurrently_OneAnswerWhoseTokenWorks()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompt = (await PromptsAsync(local, "ana@example.com"))["ana@example.com"];
        var reply = InboundParsePost.Reply(prompt, "TOKEN");

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => local.PostInboundAsync(InboundParsePost.Raw(reply))));
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        var answer = Assert.Single(Outbox.Read(local.Outbox, "command"));
        var token = answer.TextBody!.Split('\n').Select(l => l.Trim()).Single(l => l.Length > 20 && l.Contains('.', StringComparison.Ordinal) && !l.Contains(' ', StringComparison.Ordinal) && !l.StartsWith("http", StringComparison.Ordinal));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/entries");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await local.Http.SendAsync(request)).StatusCode);
    }

    /// <summary>
    /// Replies and a STOP from one person ingested in the same batch: the STOP must stick. Today it fails about
    /// two runs in five: each reply saves the whole subscriber it read before appending
    /// (<c>SettingsService.RecordReplyAsync</c> → <c>TableSubscriberStore.SaveAsync</c>, a Replace with <c>ETag.All</c>),
    /// so a save that lands after the STOP's writes the person back to Active. Unskip once saves are read-modify-write on the ETag.
    /// </summary>
    [Fact]
    public async Task Replies_ItemsAndStopIngestedTogether_StopNotUndoneByAStaleReplySave()
    {
        await using var local = await LocalHostFixture.StartAsync(Evening.AddHours(-8));
        var prompt = (await PromptsAsync(local, "ana@example.com"))["ana@example.com"];
        var replies = Enumerable.Range(1, 4).Select(i => InboundParsePost.Reply(prompt, $"1. Coffee number {i} with Ana")).Append(InboundParsePost.Reply(prompt, "STOP"));

        await Task.WhenAll(replies.Select(reply => local.PostInboundAsync(InboundParsePost.Raw(reply))));
        await local.Host.DrainQueuesAsync(CancellationToken.None);

        var subscriber = await local.Host.Services.GetRequiredService<ISubscriberStore>().FindByEmailAsync("ana@example.com");
        Assert.Equal(SubscriberStatus.Unsubscribed, subscriber!.Status);
    }

    private static async Task SignUpAsync(LocalHostFixture local, string email)
    {
        Assert.True(SignUpRequest.TryCreate(email, "Europe/Berlin", "20:00", null, null, out var request, out _));
        await local.Host.Services.GetRequiredService<SubscriptionService>().AddConfirmedAsync(request!);
    }

    /// <summary>Signs everyone up, then lets the 20:00 Berlin prompt go out once, so every prompt is from the same run.</summary>
    private static async Task<Dictionary<string, MimeMessage>> PromptsAsync(LocalHostFixture local, params string[] emails)
    {
        foreach (var email in emails)
        {
            await SignUpAsync(local, email);
        }

        local.Clock.SetTo(Evening);
        await local.Host.RunTimerAsync("DispatchDueFunction", CancellationToken.None);
        await local.Host.DrainQueuesAsync(CancellationToken.None);
        return emails.ToDictionary(e => e, e => Outbox.Read(local.Outbox, "prompt").Single(m => m.To.Mailboxes.Single().Address == e));
    }

    /// <summary>Mail written fresh (not a reply), to the inbound domain without a token.</summary>
    private static MimeMessage Tokenless(LocalHostFixture local, string from, string body)
    {
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(from));
        mail.To.Add(MailboxAddress.Parse("hello@" + local.Host.Services.GetRequiredService<IOptions<MailOptions>>().Value.InboundDomain));
        mail.Subject = "A few good things";
        mail.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("mail.example.com");
        mail.Body = new TextPart("plain") { Text = body };
        return mail;
    }

    /// <summary>Changes one character in the middle of the token (the MAC no longer matches; the spelling is still valid base32).</summary>
    private static string Tamper(string replyAddress)
    {
        var at = replyAddress.IndexOf('@', StringComparison.Ordinal);
        var index = "reply+".Length + 20;
        Assert.True(index < at);
        var replacement = replyAddress[index] == 'a' ? 'b' : 'a';
        return string.Concat(replyAddress.AsSpan(0, index), replacement.ToString(), replyAddress.AsSpan(index + 1));
    }

    private static string Serialize(MimeMessage message)
    {
        using var buffer = new MemoryStream();
        message.WriteTo(buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static MultipartFormDataContent Form(params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(value));
            form.Add(content, name);
            content.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = $"\"{name}\"" };
        }

        return form;
    }

    private static async Task<Subscriber> ProfileAsync(LocalHostFixture local, string email) =>
        (await local.Host.Services.GetRequiredService<ISubscriberStore>().FindByEmailAsync(email))!;

    private static async Task<IReadOnlyList<ExportEntry>> ExportEntriesAsync(LocalHostFixture local, string email) =>
        (await local.Host.Services.GetRequiredService<ExportService>().ExportAsync(email))!.Entries;

    /// <summary>Receipts, confirmations and every other answer the ingestor might have sent.</summary>
    // A valid token from an address that is not theirs: the token's subscriber gets one note naming it masked; the sender nothing.
    private static void AssertOnlyTheTokenOwnerTold(LocalHostFixture local, string owner, string masked)
    {
        var note = Assert.Single(Answers(local));
        Assert.Equal(("unknown-sender", owner), (note.Headers["X-Compersion-Kind"], note.To.Mailboxes.Single().Address));
        Assert.Contains(masked, note.TextBody, StringComparison.Ordinal);
    }

    private static IReadOnlyList<MimeMessage> Answers(LocalHostFixture local) =>
        [.. Outbox.Read(local.Outbox).Where(m => m.Headers["X-Compersion-Kind"] is not "prompt")];

    /// <summary>Every journal or kind-acts row of every subscriber (anything in the subscribers tables but profiles and journal stamps).</summary>
    private static async Task<IReadOnlyList<string>> JournalRowsAsync(LocalHostFixture local)
    {
        var service = new TableServiceClient(local.Azurite.ConnectionString);
        var rows = new List<string>();
        var shards = 0;
        await foreach (var shard in service.QueryAsync(t => t.Name.CompareTo("subscribers") >= 0 && t.Name.CompareTo("subscribert") < 0))
        {
            if (!shard.Name.StartsWith("subscribers", StringComparison.Ordinal) || shard.Name.Length != "subscribers".Length + 2)
            {
                continue;
            }

            shards++;
            await foreach (var row in service.GetTableClient(shard.Name).QueryAsync<TableEntity>(r => r.RowKey != "profile" && r.RowKey != "stamp"))
            {
                rows.Add(row.RowKey);
            }
        }

        Assert.Equal(32, shards);
        return rows;
    }

    /// <summary>The reason the one message in the inbound ledger was quarantined (fails if it is not quarantined).</summary>
    private static async Task<string?> QuarantineReasonAsync(LocalHostFixture local)
    {
        var table = new TableClient(local.Azurite.ConnectionString, "inbound");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        var only = Assert.Single(rows);
        Assert.Equal((int)InboundStage.Quarantined, only.GetInt32("Stage"));
        Assert.Null(only.GetString("SubscriberId"));
        return only.GetString("Detail");
    }

    private static async Task<IReadOnlyList<byte[]>> ArchivedPostsAsync(LocalHostFixture local)
    {
        var container = new BlobContainerClient(local.Azurite.ConnectionString, "inbound-raw");
        var posts = new List<byte[]>();
        await foreach (var blob in container.GetBlobsAsync())
        {
            posts.Add((await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray());
        }

        return posts;
    }

    private static async Task<int> PoisonedAsync(LocalHostFixture local)
    {
        var poison = new QueueClient(local.Azurite.ConnectionString, "inbound-poison");
        return (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount;
    }

}
