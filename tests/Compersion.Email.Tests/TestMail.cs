using Compersion.Core.Sending;

namespace Compersion.Email.Tests;

/// <summary>A prompt mail shaped like the ones Core composes.</summary>
internal static class TestMail
{
    public const string UnsubscribeHeader = "<https://compersion.example/api/unsubscribe/u1.abc>, <mailto:unsubscribe+u1.abc@reply.compersion.example>";

    public static OutgoingMail Prompt(string? html = "<p>What are five things you are grateful for today?</p>") => new(
        Kind: "prompt",
        To: "ada@example.org",
        From: "hello@compersion.example",
        FromName: "Compersion",
        ReplyTo: "reply+tok123@reply.compersion.example",
        Subject: "Five good things, Saturday",
        Text: "What are five things you are grateful for today?",
        Html: html,
        Headers: new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = UnsubscribeHeader,
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        },
        Tags: new Dictionary<string, string>
        {
            ["sid"] = "mfrggzdfmztwq2lk",
            ["job"] = "mfrggzdfmztwq2lk-prompt-2025-03-01",
        });

    /// <summary>An export note with a JSON and a Markdown attachment (the second with non-ASCII text).</summary>
    public static OutgoingMail Export() => Prompt() with
    {
        Kind = "export",
        ReplyTo = null,
        Subject = "Your Compersion journal",
        Headers = new Dictionary<string, string>(),
        Attachments =
        [
            new MailAttachment("compersion-journal.json", "application/json", System.Text.Encoding.UTF8.GetBytes("{\"entries\":[]}")),
            new MailAttachment("compersion-journal.md", "text/markdown", System.Text.Encoding.UTF8.GetBytes("# Journal\n\n1. Café with Zoë\n")),
        ],
    };
}
