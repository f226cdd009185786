using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Compersion.Core.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;

namespace Compersion.Email;

/// <summary>Delivers mail as <c>.eml</c> files in a folder, for running the whole loop locally without SendGrid.</summary>
/// <remarks>
/// Files are named <c>{yyyyMMddTHHmmssfff}-{kind}-{hash}.eml</c> (UTC, so a plain sort is send order) and
/// appear atomically: each is written to a hidden <c>.tmp</c> file in the same folder and then renamed,
/// so a reader watching for <c>*.eml</c> never sees half a message.
/// </remarks>
internal sealed partial class PickupDirectoryMailSender(
    IOptions<MailOptions> options,
    TimeProvider timeProvider,
    ILogger<PickupDirectoryMailSender> logger) : IMailSender
{
    /// <summary>Carries <see cref="OutgoingMail.Kind"/>.</summary>
    public const string KindHeader = "X-Compersion-Kind";

    /// <summary>Carries the <c>job</c> tag, when the mail has one.</summary>
    public const string JobHeader = "X-Compersion-Job";

    /// <summary>The folder used when <see cref="MailOptions.PickupDirectory"/> is not set.</summary>
    public static string DefaultDirectory => Path.Combine(Path.GetTempPath(), "compersion-outbox");

    /// <summary>The folder mail is written to.</summary>
    public string OutboxDirectory => string.IsNullOrWhiteSpace(options.Value.PickupDirectory) ? DefaultDirectory : options.Value.PickupDirectory;

    /// <inheritdoc />
    public async Task<SendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);

        var now = timeProvider.GetUtcNow();
        if (!TryBuild(mail, now, out var message))
        {
            LogUnaddressable(logger, mail.Kind);
            return SendResult.NotSent("pickup-invalid-address");
        }

        var directory = OutboxDirectory;
        var messageId = message.MessageId ?? string.Empty;
        var fileName = FileNameFor(now, mail.Kind, messageId);
        var path = Path.Combine(directory, fileName);
        var temporaryPath = Path.Combine(directory, "." + fileName + ".tmp");
        try
        {
            Directory.CreateDirectory(directory);
            await using (var stream = new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await message.WriteToAsync(stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
            }

            File.Move(temporaryPath, path, overwrite: false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            TryDelete(temporaryPath);
            if (exception is OperationCanceledException)
            {
                throw;
            }

            LogWriteFailed(logger, mail.Kind, exception);
            return SendResult.NotSent("pickup-write-failed");
        }

        LogWritten(logger, mail.Kind, fileName);
        return SendResult.Sent(messageId);
    }

    /// <summary>The sortable, unique file name of a mail written at <paramref name="now"/>.</summary>
    internal static string FileNameFor(DateTimeOffset now, string kind, string messageId)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(messageId)), 0, 6);
        var timestamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture);
        return $"{timestamp}-{SafeKind(kind)}-{hash}.eml";
    }

    private static string SafeKind(string kind)
    {
        var safe = new string([.. kind.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '-')]);
        return safe.Length == 0 ? "mail" : safe;
    }

    private static bool TryBuild(OutgoingMail mail, DateTimeOffset now, out MimeMessage message)
    {
        message = new MimeMessage();
        if (!MailboxAddress.TryParse(mail.From, out var from) || !MailboxAddress.TryParse(mail.To, out var to))
        {
            return false;
        }

        from.Name = mail.FromName;
        message.From.Add(from);
        message.To.Add(to);
        if (!string.IsNullOrWhiteSpace(mail.ReplyTo))
        {
            if (!MailboxAddress.TryParse(mail.ReplyTo, out var replyTo))
            {
                return false;
            }

            message.ReplyTo.Add(replyTo);
        }

        message.Subject = mail.Subject;
        message.Date = now;
        message.MessageId = MimeUtils.GenerateMessageId(from.Domain is { Length: > 0 } domain ? domain : "compersion.local");
        foreach (var (name, value) in mail.Headers)
        {
            message.Headers.Add(name, value);
        }

        message.Headers.Add(KindHeader, mail.Kind);
        if (mail.Tags.TryGetValue("job", out var job))
        {
            message.Headers.Add(JobHeader, job);
        }

        var body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html };
        foreach (var attachment in mail.Attachments ?? [])
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        message.Body = body.ToMessageBody();
        return true;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A leftover .tmp file is harmless: readers only look at *.eml.
        }
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Wrote a {Kind} mail to the pickup directory as {FileName}")]
    private static partial void LogWritten(ILogger logger, string kind, string fileName);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Error, Message = "Could not write a {Kind} mail to the pickup directory")]
    private static partial void LogWriteFailed(ILogger logger, string kind, Exception exception);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Error, Message = "A {Kind} mail has an address that cannot be parsed; not written")]
    private static partial void LogUnaddressable(ILogger logger, string kind);
}
