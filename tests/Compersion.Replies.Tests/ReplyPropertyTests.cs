using FsCheck;
using FsCheck.Fluent;

namespace Compersion.Replies.Tests;

/// <summary>Rules of the reply engine as properties over generated replies.</summary>
public sealed class ReplyPropertyTests
{
    private static readonly string[] Words =
    [
        "the", "way", "light", "came", "through", "kitchen", "window", "this", "morning", "my", "sister", "calling", "to", "tell",
        "me", "she", "got", "flat", "and", "long", "walk", "along", "canal", "with", "Sam", "Ana", "after", "work", "smell", "of",
        "bread", "from", "bakery", "on", "corner", "neighbour", "waving", "her", "garden", "while", "walked", "dog", "tea", "rain",
    ];

    private static readonly string[] Gratitudes =
    [
        "the way the light came through the kitchen window this morning", "my sister calling to tell me she got the flat",
        "Coffee with Ana before the meeting", "a long walk along the canal with Sam after work", "Rain on the roof",
        "the smell of bread from the bakery on the corner", "Mum sending me a photo of her garden", "tea", "Finishing my book",
        "my neighbour waving from her garden while I walked the dog", "Sam made pancakes and sang badly",
    ];

    private static readonly string[] Signatures =
    [
        "\n\nThanks,\nDaniel", "\n\nWarm regards,\nDan Okafor\nSenior Product Manager\nAcme Corp\n+1 217 555 0100\ndan@acme.example",
        "\nDan Okafor\nSenior Product Manager | Acme Corp\n+1 217 555 0100", "\n-- \nPriya", "\n\nSent from my iPhone",
        "\n\nObtener Outlook para Android", "\nCONFIDENTIALITY NOTICE: This email and any attachments are for the intended recipient only.",
        "\n\nLiebe Grüße\nLena", "\n\nBien à vous,\nCamille",
    ];

    private static readonly Gen<string[]> BlocksGen =
        from count in Gen.Choose(1, 8)
        from blocks in (from length in Gen.Choose(1, 14)
                        from words in Gen.Elements(Words).ArrayOf(length)
                        select string.Join(' ', words)).ArrayOf(count)
        select blocks;

    private static readonly Gen<(string[] Lines, bool Numbered, string Signature)> ReplyGen =
        from count in Gen.Choose(2, 6)
        from lines in Gen.Elements(Gratitudes).ArrayOf(count)
        from numbered in Gen.Elements(true, false)
        from signature in Gen.Elements(Signatures)
        select (lines.Distinct().ToArray(), numbered, signature);

    [Fact]
    public void Split_HtmlBlocks_NoItemSpansTwoBlocks()
    {
        Prop.ForAll(BlocksGen.ToArbitrary(), blocks =>
        {
            var content = ItemSplitter.Split(string.Join('\n', blocks), TextSource.Html);

            Assert.All(content.Items, item => Assert.Contains(blocks, block => block.Contains(item, StringComparison.Ordinal)));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ExtractAndSplit_SignatureAppendedToAReply_AddsNoItem()
    {
        Prop.ForAll(ReplyGen.ToArbitrary(), reply =>
        {
            var body = string.Join('\n', reply.Lines.Select((line, i) => reply.Numbered ? $"{i + 1}. {line}" : line));

            var without = ItemSplitter.Split(VisibleTextExtractor.Extract(body));
            var with = ItemSplitter.Split(VisibleTextExtractor.Extract(body + reply.Signature));

            Assert.Equal(without.Items, with.Items);
        }).QuickCheckThrowOnFailure();
    }
}
