using System.CommandLine;
using Compersion.Core.Digests;
using Compersion.Core.Kindness;
using Compersion.Core.Mail;
using Compersion.Core.Prompts;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace Compersion.Cli.Commands;

/// <summary><c>compersion preview digest|prompt --sample</c>: renders a mail for the built-in sample history, so anyone can look at it.</summary>
/// <remarks>
/// The mail goes through the same composers as real sends (<see cref="DigestBuilder"/>, <see cref="DigestComposer"/>,
/// <see cref="PromptComposer"/>), with a throwaway signing secret and local addresses: nothing is stored or sent.
/// </remarks>
internal static class PreviewCommand
{
    private const string PreviewSecret = "preview-only-secret-not-used-for-any-real-token";

    public static Command Create()
    {
        var command = new Command("preview", "Render a mail for a built-in sample history and print it (nothing is stored or sent).");
        command.Subcommands.Add(Create("digest", "The weekly digest (default date: the last Sunday)."));
        command.Subcommands.Add(Create("prompt", "The daily prompt (default date: today)."));
        return command;
    }

    private static Command Create(string kind, string description)
    {
        var sample = new Option<bool>("--sample") { Description = "Use the built-in sample history (required: the only source for now)" };
        var html = new Option<bool>("--html") { Description = "Print the HTML body" };
        var text = new Option<bool>("--text") { Description = "Print the plain-text body (the default)" };
        var date = new Option<string?>("--date") { Description = "The mail's local date, yyyy-MM-dd" };
        var command = new Command(kind, description) { sample, html, text, date };
        command.SetAction(parse =>
        {
            if (!parse.GetValue(sample))
            {
                parse.InvocationConfiguration.Error.WriteLine("Add --sample: previews render the built-in sample history.");
                return 2;
            }

            if (parse.GetValue(html) && parse.GetValue(text))
            {
                parse.InvocationConfiguration.Error.WriteLine("Choose one of --html and --text.");
                return 2;
            }

            LocalDate day;
            if (parse.GetValue(date) is { } iso)
            {
                var parsed = LocalDatePattern.Iso.Parse(iso);
                if (!parsed.Success)
                {
                    parse.InvocationConfiguration.Error.WriteLine("--date must be a date as yyyy-MM-dd, e.g. 2026-11-29.");
                    return 2;
                }

                day = parsed.Value;
            }
            else
            {
                var today = SystemClock.Instance.GetCurrentInstant().InZone(SampleJournal.Subscriber.TimeZone).Date;
                day = kind == "digest" && today.DayOfWeek != SampleJournal.Subscriber.DigestDay ? today.Previous(SampleJournal.Subscriber.DigestDay) : today;
            }

            var mail = kind == "digest" ? Digest(day) : Prompt(day);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(html))
            {
                output.WriteLine(mail.Html);
            }
            else
            {
                output.WriteLine("Subject: " + mail.Subject);
                output.WriteLine();
                output.WriteLine(mail.Text);
            }

            return 0;
        });
        return command;
    }

    /// <summary>The digest of <paramref name="date"/> for the sample history.</summary>
    internal static OutgoingMail Digest(LocalDate date)
    {
        var (signer, options) = Settings();
        var subscriber = SampleJournal.Subscriber;
        var journal = SampleJournal.Create(date);
        var digest = DigestBuilder.Build(subscriber, date, journal, DigestBuilder.Suggest(subscriber, date, journal, IdeaCatalog.Shipped));
        return new DigestComposer(signer, options).Compose(subscriber, digest, "preview");
    }

    /// <summary>The prompt of <paramref name="date"/> for the sample history.</summary>
    internal static OutgoingMail Prompt(LocalDate date)
    {
        var (signer, options) = Settings();
        var composer = new PromptComposer(signer, options);
        var journal = SampleJournal.Create(date);
        return composer.Compose(SampleJournal.Subscriber, date, journal.Entries, PromptPlan.Daily, "preview");
    }

    private static (TokenSigner Signer, IOptions<MailOptions> Options) Settings() => (
        new TokenSigner(Options.Create(new TokenOptions { CurrentSecret = PreviewSecret })),
        Options.Create(new MailOptions
        {
            From = "hello@compersion.local",
            FromName = "Compersion",
            InboundDomain = "reply.compersion.local",
            PublicBaseUrl = "http://127.0.0.1:7071",
        }));
}
