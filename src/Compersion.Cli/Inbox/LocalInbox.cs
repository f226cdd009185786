using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Parser;
using Compersion.Cli.Hosting;
using Compersion.Core.Common;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Compersion.Functions.Http;
using Compersion.Functions.Pages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Compersion.Cli.Inbox;

/// <summary>
/// The local inbox at <c>/outbox</c>, in <c>compersion serve</c> only: every mail in the pickup folder, its HTML (in a
/// sandboxed frame) and text, and a reply box that posts to serve's own Inbound Parse webhook as SendGrid's raw mode would.
/// </summary>
/// <remarks>
/// The mail's HTML is served on its own URL with a policy that forbids scripts, remote content and plugins and
/// sandboxes the document; the frame adds its own sandbox. Its links open in the whole window (a <c>&lt;base
/// target="_top"&gt;</c> is added), so a confirm or settings link followed from the inbox behaves as in a mail client.
/// The reply form carries the same cookie-bound anti-forgery token as the app's forms.
/// </remarks>
internal static class LocalInbox
{
    private const string FormContext = "local-inbox";
    private const int MaxReplyBytes = 64 * 1024;

    private const string PagePolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private const string MailPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox allow-top-navigation-by-user-activation allow-popups allow-popups-to-escape-sandbox";

    private static readonly LiquidTemplates Templates = new(typeof(LocalInbox).Assembly, "Compersion.Cli.Inbox.Templates.", [typeof(InboxView), typeof(InboxRow)]);

    /// <summary>Maps <c>/outbox</c>, <c>/outbox/html</c> and <c>/outbox/reply</c>.</summary>
    public static void Map(WebApplication app, LocalFunctionsHost host)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(host);
        app.MapGet("/outbox", context => ListAsync(context, host));
        app.MapGet("/outbox/html", context => HtmlAsync(context, host));
        app.MapPost("/outbox/reply", context => ReplyAsync(context, host));
    }

    private static async Task ListAsync(HttpContext context, LocalFunctionsHost host)
    {
        var request = context.Request;
        var selectedName = request.Query["mail"].ToString();
        var files = Directory.Exists(host.OutboxDirectory)
            ? Directory.EnumerateFiles(host.OutboxDirectory, "*.eml").OrderDescending(StringComparer.Ordinal).ToList()
            : [];
        var rows = new List<InboxRow>();
        MimeMessage? selected = null;
        foreach (var path in files)
        {
            var name = Path.GetFileName(path);
            var message = await LoadAsync(path, context.RequestAborted);
            if (message is null)
            {
                continue;
            }

            var isSelected = name == selectedName;
            rows.Add(new InboxRow(
                "/outbox?mail=" + Uri.EscapeDataString(name),
                message.Subject ?? "(no subject)",
                message.Headers["X-Compersion-Kind"] ?? "mail",
                message.To.Mailboxes.FirstOrDefault()?.Address ?? string.Empty,
                Format(message.Date),
                isSelected));
            if (isSelected)
            {
                selected = message;
            }
            else
            {
                message.Dispose();
            }
        }

        var posted = request.Query["posted"].ToString();
        var notice = posted.Length == 0
            ? string.Empty
            : posted == "200"
                ? "Reply posted to the webhook (200). serve ingests it from the queue in a moment; any answer lands here."
                : $"The webhook answered {posted}.";
        var nonce = FormGuard.Nonce(request);
        var tokens = context.RequestServices.GetRequiredService<FormTokens>();
        InboxView view;
        using (selected)
        {
            var problem = string.Empty;
            var canReply = selected is not null && selected.To.Mailboxes.Any() &&
                           InboundParsePost.TryReplyAddress(selected, context.RequestServices.GetRequiredService<IOptions<MailOptions>>().Value.InboundDomain, out _, out problem);
            view = selected is null
                ? new InboxView(host.OutboxDirectory, rows, notice, false, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, [], false, string.Empty, string.Empty)
                : new InboxView(
                    host.OutboxDirectory,
                    rows,
                    notice,
                    true,
                    selectedName,
                    selected.Subject ?? "(no subject)",
                    selected.From.ToString(),
                    selected.To.ToString(),
                    selected.ReplyTo.Mailboxes.FirstOrDefault()?.Address ?? string.Empty,
                    Format(selected.Date),
                    selected.Headers["X-Compersion-Kind"] ?? "mail",
                    selected.HtmlBody is null ? string.Empty : "/outbox/html?mail=" + Uri.EscapeDataString(selectedName),
                    selected.TextBody ?? string.Empty,
                    [.. selected.Attachments.OfType<MimePart>().Select(part => part.FileName ?? "attachment")],
                    canReply,
                    tokens.TokenFor(FormContext, nonce),
                    problem);
        }

        var html = PageTemplates.Instance.RenderHtml("layout.html", new LayoutView("Local inbox", Templates.RenderHtml("outbox.html", view), string.Empty, Wide: true));
        await WriteAsync(context, StatusCodes.Status200OK, html, PagePolicy, frameable: false);
    }

    private static async Task HtmlAsync(HttpContext context, LocalFunctionsHost host)
    {
        var path = MailPath(host, context.Request.Query["mail"].ToString());
        using var message = path is null ? null : await LoadAsync(path, context.RequestAborted);
        if (message?.HtmlBody is not { } body)
        {
            await WriteAsync(context, StatusCodes.Status404NotFound, "<!doctype html><title>Not found</title><p>No such mail.</p>", MailPolicy, frameable: true);
            return;
        }

        // Links open in the whole window, as they would from a mail client, not inside the frame.
        using var document = new HtmlParser().ParseDocument(body);
        var target = document.CreateElement("base");
        target.SetAttribute("target", "_top");
        document.Head?.Prepend(target);
        await WriteAsync(context, StatusCodes.Status200OK, "<!DOCTYPE html>\n" + document.DocumentElement.OuterHtml, MailPolicy, frameable: true);
    }

    private static async Task ReplyAsync(HttpContext context, LocalFunctionsHost host)
    {
        var request = context.Request;
        var (form, problem, status) = await FormReader.ReadAsync(request, MaxReplyBytes, context.RequestAborted);
        if (form is null)
        {
            await ExecuteAsync(context, Page.Render(status, "That reply didn't go through", problem!));
            return;
        }

        var check = FormGuard.Check(context.RequestServices.GetRequiredService<FormTokens>(), request, form, FormContext);
        if (check != FormCheck.Valid)
        {
            await ExecuteAsync(context, FormGuard.Refused(check));
            return;
        }

        var name = form["mail"].ToString();
        var path = MailPath(host, name);
        var text = form["text"].ToString();
        if (path is null || string.IsNullOrWhiteSpace(text))
        {
            await ExecuteAsync(context, Page.Render(StatusCodes.Status400BadRequest, "Nothing to send", path is null ? "That mail isn't in the outbox any more." : "Write something to reply with."));
            return;
        }

        using var original = await LoadAsync(path, context.RequestAborted);
        if (original is null || !original.To.Mailboxes.Any())
        {
            await ExecuteAsync(context, Page.Render(StatusCodes.Status400BadRequest, "Nothing to reply to", "That mail can't be read or has no recipient."));
            return;
        }

        var inboundDomain = context.RequestServices.GetRequiredService<IOptions<MailOptions>>().Value.InboundDomain;
        if (!InboundParsePost.TryReplyAddress(original, inboundDomain, out var to, out var refusal))
        {
            // As a real mail client would, the reply goes where the mail says; nothing is posted when no one would receive it.
            await ExecuteAsync(context, Page.Render(StatusCodes.Status400BadRequest, "This mail takes no reply", refusal));
            return;
        }

        using var reply = InboundParsePost.Reply(original, text.Replace("\r\n", "\n", StringComparison.Ordinal), to);
        using var post = InboundParsePost.Raw(reply);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*"));
        using var response = await http.PostAsync(InboundParsePost.WebhookUrl(host.BaseUrl, host.Keys.FunctionKey), post, context.RequestAborted);
        await ExecuteAsync(context, new SeeOtherResult(string.Create(CultureInfo.InvariantCulture, $"/outbox?mail={Uri.EscapeDataString(name)}&posted={(int)response.StatusCode}")));
    }

    // Only a file directly in the outbox folder, by its bare name: no paths, nothing else on disk.
    private static string? MailPath(LocalFunctionsHost host, string name)
    {
        if (string.IsNullOrEmpty(name) || name != Path.GetFileName(name) || !name.EndsWith(".eml", StringComparison.Ordinal) || name.StartsWith('.'))
        {
            return null;
        }

        var path = Path.Combine(host.OutboxDirectory, name);
        return File.Exists(path) ? path : null;
    }

    private static async Task<MimeMessage?> LoadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await MimeMessage.LoadAsync(path, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or FormatException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string Format(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static async Task WriteAsync(HttpContext context, int status, string html, string policy, bool frameable)
    {
        var response = context.Response;
        response.StatusCode = status;
        SecurityHeaders.Apply(response, policy);
        if (frameable)
        {
            response.Headers.XFrameOptions = "SAMEORIGIN";
        }

        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(html, Encoding.UTF8, context.RequestAborted);
    }

    private static Task ExecuteAsync(HttpContext context, IActionResult result) =>
        result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
}
