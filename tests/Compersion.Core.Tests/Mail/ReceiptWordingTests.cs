using System.Text.RegularExpressions;
using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Core.Mail;
using Compersion.Core.Photos;
using Microsoft.Extensions.Time.Testing;
using static Compersion.Core.Tests.TestFixtures;

namespace Compersion.Core.Tests.Mail;

/// <summary>Every receipt a reply can get (<see cref="ReplyReceipt"/>), word for word as a reader gets it: each held to <c>TestData/receipts/{case}.txt</c>.</summary>
/// <remarks>
/// The files were written from the receipts as they read before their words moved into a template. Set
/// <c>COMPERSION_WRITE_RECEIPTS</c> to a folder to write the files there after changing wording on purpose.
/// </remarks>
public sealed class ReceiptWordingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 20, 0, 0, TimeSpan.Zero);

    private static readonly NodaTime.LocalDate Day = Date("2026-11-25");

    private static readonly JournalItem[] FourWithAPerson =
    [
        new("Sam brought me lunch", Social: true), new("rain on the window"), new("warm socks"), new("a quiet bus"),
    ];

    private static readonly JournalItem[] CompleteDay = [.. FourWithAPerson, new("the first snow")];

    private static readonly KindAct Classified = new("shovelled the path for the neighbours", "help", "neighbour");

    private static readonly Dictionary<string, Func<ReplyReceipt?>> Cases = new(StringComparer.Ordinal)
    {
        ["photo-only"] = () => ReplyReceipt.For(Subscriber(), [], [], Day, photos: new PhotoSummary(1, [])),
        ["photos-only-one-skipped"] = () => ReplyReceipt.For(Subscriber(), [], [], Day, photos: new PhotoSummary(2, ["notes.jpg isn't a photo we can read, so it wasn't kept."])),
        ["nothing"] = () => ReplyReceipt.For(Subscriber(), [], [], Day),
        ["nothing-photo-skipped"] = () => ReplyReceipt.For(Subscriber(), [], [], Day, photos: new PhotoSummary(0, ["big.jpg is larger than 10 MB, so it wasn't kept."])),
        ["nothing-digest"] = () => ReplyReceipt.For(Subscriber(), [], [], Day, actsExpected: true),
        ["already-one"] = () => ReplyReceipt.For(Subscriber(), [], [], Day, day: [new JournalItem("warm socks")], alreadySaved: 1),
        ["already-several-day-complete"] = () => ReplyReceipt.For(Subscriber() with { ReceiptsEnabled = true }, [], [], Day, day: CompleteDay, alreadySaved: 2),
        ["one-gratitude-with-a-person"] = () => ReplyReceipt.For(Subscriber(), [new JournalItem("Coffee with Ana", Social: true)], [], Day),
        ["three-without-a-person"] = () => ReplyReceipt.For(Subscriber(), [new("the sunset"), new("warm socks"), new("a quiet bus")], [], Day),
        ["vague-about-people"] = () => ReplyReceipt.For(Subscriber(), [new("my family", Social: true, Vague: true), new("my health", Vague: true)], [], Day),
        ["merged-day-second-reply"] = () => ReplyReceipt.For(Subscriber(), [new("a quiet bus")], [], Day, day: [new("the sunset"), new("warm socks"), new("a quiet bus")]),
        ["merged-day-answered-next-morning"] = () => ReplyReceipt.For(Subscriber(), [new("a quiet bus")], [], Day, day: [new("the sunset"), new("a quiet bus")], today: Day.PlusDays(1)),
        ["merged-day-answered-days-later"] = () => ReplyReceipt.For(Subscriber(), [new("a quiet bus")], [], Day, today: Day.PlusDays(3)),
        ["one-act"] = () => ReplyReceipt.For(Subscriber(), [], [Classified], Day),
        ["two-acts"] = () => ReplyReceipt.For(Subscriber(), [], [new KindAct("fed the cat next door"), new KindAct("a note for the postman")], Day),
        ["gratitudes-act-photos-and-repeats"] = () => ReplyReceipt.For(
            Subscriber(), [new("Coffee with Ana", Social: true), new("the sunset")], [new KindAct("paid for a stranger's coffee")], Day,
            day: [new("Coffee with Ana", Social: true), new("the sunset"), new("warm socks")], alreadySaved: 1, photos: new PhotoSummary(2, ["cat.png wasn't kept: a day holds 4 photos."])),
        ["digest-split"] = () => ReplyReceipt.For(Subscriber(), [new("The snow"), new("Sam made me dinner", Social: true)], [Classified], Day, actsExpected: true),
        ["digest-acts-only"] = () => ReplyReceipt.For(Subscriber(), [], [Classified], Day, actsExpected: true),
        ["returning"] = () => ReplyReceipt.For(Subscriber(), [new JournalItem("warm socks")], [], Day, returning: true),
        ["complete-day-receipts-on"] = () => ReplyReceipt.For(Subscriber() with { ReceiptsEnabled = true }, CompleteDay, [], Day),
        ["complete-day-photo-skipped"] = () => ReplyReceipt.For(Subscriber(), CompleteDay, [], Day, photos: new PhotoSummary(0, ["big.jpg is larger than 10 MB, so it wasn't kept."])),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Receipt_EveryCase_ReadsWordForWordAsItsFile(string name)
    {
        var receipt = Cases[name]();

        Assert.NotNull(receipt);
        var mail = new NoteComposer(MailSettings(), Signer(), new FakeTimeProvider(Now)).Compose(Subscriber(), "receipt", receipt.Subject, receipt.Blocks, "job", replyDate: Day);
        await WordingFiles.AssertSameAsync("receipts", name, Regex.Replace($"{mail.Subject}\n\n{mail.Text}", @"token=[^\s&]+", "token=…"), "COMPERSION_WRITE_RECEIPTS");
    }

    [Fact]
    public void Cases_EveryReceiptFile_HasItsCase()
    {
        var files = WordingFiles.Names("receipts");

        Assert.Equal(Cases.Keys.Order(StringComparer.Ordinal), files);
    }

    [Fact]
    public void For_CompleteDayWithAPersonAndReceiptsOff_NoReceipt()
    {
        var receipt = ReplyReceipt.For(Subscriber(), CompleteDay, [Classified], Day);

        Assert.Null(receipt);
    }
}
