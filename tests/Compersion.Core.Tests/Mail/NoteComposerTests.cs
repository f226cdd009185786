using AngleSharp.Html.Parser;
using Compersion.Core.Commands;
using Compersion.Core.Mail;
using Compersion.Core.Sending;
using Microsoft.Extensions.Time.Testing;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Mail;

/// <summary>Notes (receipts, command answers, help) keep their line structure in HTML and sign off once.</summary>
public sealed class NoteComposerTests
{
    [Fact]
    public void Compose_Help_ListsEveryCommandAsAListItemInHtml()
    {
        var mail = Compose(CommandHelp.Blocks);

        var items = new HtmlParser().ParseDocument(mail.Html!).QuerySelectorAll("li").Select(li => li.TextContent).ToList();
        Assert.Equal(CommandHelp.Commands.Count, items.Count);
        Assert.Contains("PAUSE – take a break from the daily emails; PAUSE 2 WEEKS or PAUSE 2026-12-28 ends by itself", items);
        Assert.Contains("\n  TIME 07:30 - get your daily prompt at another time", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Help_SignsOffOnceInTextAndHtml()
    {
        var mail = Compose(CommandHelp.Blocks);

        Assert.Equal(1, Occurrences(mail.Text, "Warmly,"));
        Assert.Equal(1, Occurrences(mail.Html!, "Warmly,"));
        Assert.Equal(0, Occurrences(mail.Text, "Be kind to yourself"));
    }

    [Fact]
    public void Compose_AnyNote_HasExactlyOneHeadingTheSubject()
    {
        var mail = Compose([NoteBlock.Paragraph("Your daily prompts are paused.")], "Paused");

        var headings = new HtmlParser().ParseDocument(mail.Html!).QuerySelectorAll("h1, h2, h3, h4, h5, h6");
        Assert.Equal("Paused", Assert.Single(headings).TextContent);
    }

    [Fact]
    public void Compose_LinkBlock_IsAWrappingLinkInHtmlAndTheAddressInText()
    {
        const string url = "https://app.example.org/api/settings?token=abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz";

        var mail = Compose([NoteBlock.Paragraph("Here it is:"), NoteBlock.Link("Open my settings", url)]);

        var link = new HtmlParser().ParseDocument(mail.Html!).QuerySelectorAll("a").Single(a => a.GetAttribute("href") == url);
        Assert.Equal("Open my settings", link.TextContent);
        Assert.Contains("overflow-wrap:anywhere", link.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains("Here it is:\n\n" + url + "\n", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_CodeBlock_IsACodeThatWraps()
    {
        var mail = Compose([NoteBlock.Code("cmp_0123456789abcdefghijklmnopqrstuvwxyz0123456789")]);

        var code = Assert.Single(new HtmlParser().ParseDocument(mail.Html!).QuerySelectorAll("code"));
        Assert.Equal("cmp_0123456789abcdefghijklmnopqrstuvwxyz0123456789", code.TextContent);
        Assert.Contains("word-break:break-all", code.ParentElement!.GetAttribute("style"), StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_UserTextInAList_IsEscaped()
    {
        var mail = Compose([NoteBlock.Numbered(["<script>alert(1)</script> & Sam"])]);

        Assert.DoesNotContain("<script>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", mail.Html, StringComparison.Ordinal);
        Assert.Contains("  1. <script>alert(1)</script> & Sam\n", mail.Text, StringComparison.Ordinal);
    }

    private static OutgoingMail Compose(IReadOnlyList<NoteBlock> blocks, string subject = "How to use Compersion by email") =>
        new NoteComposer(MailSettings(), Signer(), new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 19, 0, 0, TimeSpan.Zero)))
            .Compose(Subscriber(), "help", subject, blocks, "job-1");

    private static int Occurrences(string text, string value) =>
        (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;
}
