using System.CommandLine;
using Compersion.Cli.Hosting;
using Compersion.Cli.Inbox;
using Compersion.Core.Sending;
using MimeKit;

namespace Compersion.Cli.Commands;

/// <summary><c>compersion reply</c>: answer a mail from the local outbox, posted to the running <c>serve</c> exactly as SendGrid Inbound Parse would.</summary>
internal static class ReplyCommand
{
    public static Command Create()
    {
        var mail = new Option<string>("--mail") { Description = "The .eml from the outbox to reply to", Required = true };
        var text = new Option<string>("--text") { Description = "The reply's new text, e.g. \"1. …\\n2. …\" or a command such as PAUSE", Required = true };
        var url = new Option<string>("--url") { Description = "Where serve runs", DefaultValueFactory = _ => "http://127.0.0.1:7071" };
        var key = new Option<string?>("--key") { Description = "Function key (default: the one serve generated in .compersion)" };
        var inboundDomain = new Option<string>("--inbound-domain")
        {
            Description = "The domain Inbound Parse receives (serve's Mail__InboundDomain)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("Mail__InboundDomain") is { Length: > 0 } configured ? configured : new MailOptions().InboundDomain,
        };
        var command = new Command("reply", "Reply to a mail from the local outbox through the Inbound Parse webhook of a running serve, to the address its Reply-To names.") { mail, text, url, key, inboundDomain };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var original = await MimeMessage.LoadAsync(parse.GetValue(mail)!, cancellationToken);
            var functionKey = parse.GetValue(key) ?? LocalState.LoadOrCreate(LocalFunctionsHost.DefaultStateDirectory()).FunctionKey;
            if (!InboundParsePost.TryReplyAddress(original, parse.GetValue(inboundDomain)!, out var to, out var problem))
            {
                // As a real mail client would, the reply goes where the mail says; nothing is posted when no one would receive it.
                await parse.InvocationConfiguration.Error.WriteLineAsync(problem + " Nothing was posted.");
                return 1;
            }

            using var reply = InboundParsePost.Reply(original, parse.GetValue(text)!.Replace("\\n", "\n", StringComparison.Ordinal), to);
            using var form = InboundParsePost.Raw(reply);
            using var http = new HttpClient();
            var response = await http.PostAsync(InboundParsePost.WebhookUrl(parse.GetValue(url)!, functionKey), form, cancellationToken);
            await parse.InvocationConfiguration.Output.WriteLineAsync($"Webhook answered {(int)response.StatusCode}; serve ingests it from the queue in a moment.");
            return response.IsSuccessStatusCode ? 0 : 1;
        });
        return command;
    }
}
