using Compersion.Core.Mail;

namespace Compersion.Core.Tests.Mail;

/// <summary>A note template that reads a value it was not given fails loudly instead of mailing a gap; the words themselves are held by <see cref="NoteWordingTests"/> and the command answers' files.</summary>
public sealed class NoteTemplatesTests
{
    [Fact]
    public void Render_AValueTheTemplateReadsIsMissing_Throws()
    {
        var render = () => NoteTemplates.Render("time", ("time", "07:30"));

        Assert.ThrowsAny<Exception>(render);
    }

    [Fact]
    public void Render_NoSuchTemplate_Throws()
    {
        var render = () => NoteTemplates.Render("no-such-note");

        Assert.Throws<InvalidOperationException>(render);
    }

    [Fact]
    public void Render_ATemplateWithAllItsValues_GivesTheSubjectAndOneLineParagraphs()
    {
        var note = NoteTemplates.Render("address-too-many", ("most", 5));

        Assert.Equal("That's the most addresses", note.Subject);
        Assert.Equal(
            "You already have 5 further addresses that can write to your journal. To add this one, first remove one you don't use with REMOVE ADDRESS and that address. Nothing was changed.",
            Assert.Single(note.Blocks).Text);
    }
}
