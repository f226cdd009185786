using System.Text.RegularExpressions;
using Compersion.Core.Sending;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Compersion.Email.Tests;

public sealed partial class PickupDirectoryMailSenderTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "compersion-email-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2025, 3, 1, 19, 0, 0, 123, TimeSpan.Zero));

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task SendAsync_Mail_WritesAnEmlThatParsesBackWithHeadersAndBothBodies()
    {
        var sut = CreateSut(root);

        var result = await sut.SendAsync(TestMail.Prompt());

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        var file = Assert.Single(Directory.GetFiles(root));
        using var message = await MimeMessage.LoadAsync(file);
        Assert.Equal(result.MessageId, message.MessageId);
        Assert.Equal("\"Compersion\" <hello@compersion.example>", message.From.ToString());
        Assert.Equal("ada@example.org", message.To.Mailboxes.Single().Address);
        Assert.Equal("reply+tok123@reply.compersion.example", message.ReplyTo.Mailboxes.Single().Address);
        Assert.Equal("Five good things, Saturday", message.Subject);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 19, 0, 0, TimeSpan.Zero), message.Date);
        Assert.Equal(TestMail.UnsubscribeHeader, message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Equal("prompt", message.Headers["X-Compersion-Kind"]);
        Assert.Equal("mfrggzdfmztwq2lk-prompt-2025-03-01", message.Headers["X-Compersion-Job"]);
        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(2, alternative.Count);
        Assert.Equal("What are five things you are grateful for today?", message.TextBody?.TrimEnd());
        Assert.Equal("<p>What are five things you are grateful for today?</p>", message.HtmlBody?.TrimEnd());
    }

    [Fact]
    public async Task SendAsync_MailWithAttachments_WritesThemAsMimeAttachmentsBesideBothBodies()
    {
        var sut = CreateSut(root);

        await sut.SendAsync(TestMail.Export());

        using var message = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(root)));
        var attachments = message.Attachments.OfType<MimePart>().ToList();
        Assert.Equal(["compersion-journal.json", "compersion-journal.md"], attachments.Select(a => a.FileName));
        Assert.Equal("application/json", attachments[0].ContentType.MimeType);
        Assert.Equal("text/markdown", attachments[1].ContentType.MimeType);
        Assert.True(attachments[1].IsAttachment);
        using var content = new MemoryStream();
        await attachments[1].Content!.DecodeToAsync(content);
        Assert.Equal("# Journal\n\n1. Café with Zoë\n", System.Text.Encoding.UTF8.GetString(content.ToArray()));
        Assert.Equal("What are five things you are grateful for today?", message.TextBody?.TrimEnd());
        Assert.Equal("<p>What are five things you are grateful for today?</p>", message.HtmlBody?.TrimEnd());
    }

    [Fact]
    public async Task SendAsync_TextOnlyMailWithoutJob_WritesTextPartAndNoJobHeader()
    {
        var sut = CreateSut(root);
        var mail = TestMail.Prompt(html: null) with { Tags = new Dictionary<string, string>() };

        await sut.SendAsync(mail);

        using var message = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(root)));
        var text = Assert.IsType<TextPart>(message.Body);
        Assert.True(text.IsPlain);
        Assert.Null(message.Headers["X-Compersion-Job"]);
    }

    [Fact]
    public async Task SendAsync_DirectoryMissing_CreatesIt()
    {
        var nested = Path.Combine(root, "not", "yet");
        var sut = CreateSut(nested);

        var result = await sut.SendAsync(TestMail.Prompt());

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Single(Directory.GetFiles(nested, "*.eml"));
    }

    [Fact]
    public async Task SendAsync_TwoMailsAtTheSameInstant_WritesTwoFilesNamedByTimeAndKind()
    {
        var sut = CreateSut(root);

        var first = await sut.SendAsync(TestMail.Prompt());
        var second = await sut.SendAsync(TestMail.Prompt() with { Kind = "digest" });

        Assert.NotEqual(first.MessageId, second.MessageId);
        var names = Directory.GetFiles(root).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, names.Count);
        Assert.Matches(FileNamePattern(), names[0]);
        Assert.Matches(FileNamePattern(), names[1]);
        Assert.StartsWith("20250301T190000123-digest-", names[0], StringComparison.Ordinal);
        Assert.StartsWith("20250301T190000123-prompt-", names[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_Written_LeavesNoTemporaryFile()
    {
        var sut = CreateSut(root);

        await sut.SendAsync(TestMail.Prompt());

        Assert.All(Directory.GetFiles(root), file => Assert.EndsWith(".eml", file, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_UnparsableRecipient_NotSentAndNothingWritten()
    {
        var sut = CreateSut(root);

        var result = await sut.SendAsync(TestMail.Prompt() with { To = "not an address" });

        Assert.Equal(SendOutcome.NotSent, result.Outcome);
        Assert.False(Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any());
    }

    [Fact]
    public async Task SendAsync_DirectoryIsAFile_NotSent()
    {
        Directory.CreateDirectory(root);
        var blocked = Path.Combine(root, "blocked");
        await File.WriteAllTextAsync(blocked, "a file where the folder should be");
        var sut = CreateSut(blocked);

        var result = await sut.SendAsync(TestMail.Prompt());

        Assert.Equal(SendResult.NotSent("pickup-write-failed"), result);
    }

    [Fact]
    public void FileNameFor_LaterInstant_SortsAfter()
    {
        var earlier = PickupDirectoryMailSender.FileNameFor(time.GetUtcNow(), "prompt", "a@b");
        var later = PickupDirectoryMailSender.FileNameFor(time.GetUtcNow().AddMilliseconds(1), "confirm", "c@d");

        Assert.True(string.CompareOrdinal(earlier, later) < 0);
    }

    [Fact]
    public void FileNameFor_OddKind_KeepsTheNameSafe()
    {
        var name = PickupDirectoryMailSender.FileNameFor(time.GetUtcNow(), "../Weekly Digest", "id@host");

        Assert.Matches(FileNamePattern(), name);
        Assert.DoesNotContain("/", name, StringComparison.Ordinal);
    }

    [Fact]
    public void OutboxDirectory_NotConfigured_IsCompersionOutboxInTemp()
    {
        var sut = CreateSut(null);

        var directory = sut.OutboxDirectory;

        Assert.Equal(Path.Combine(Path.GetTempPath(), "compersion-outbox"), directory);
    }

    private PickupDirectoryMailSender CreateSut(string? directory) => new(
        Options.Create(new MailOptions { PickupDirectory = directory }),
        time,
        NullLogger<PickupDirectoryMailSender>.Instance);

    [GeneratedRegex(@"^\d{8}T\d{9}-[a-z0-9-]+-[0-9a-f]{12}\.eml$")]
    private static partial Regex FileNamePattern();
}
