using System.Text.Json;
using Compersion.Cli.Commands;
using Compersion.Cli.Inbox;
using Compersion.Core.Inbound;
using Compersion.Email;
using MimeKit;

namespace Compersion.Cli.Tests;

/// <summary><c>compersion parse</c> shows what ingestion would save: the same JSON for every message of the MIME reply corpus.</summary>
public sealed class ParseMatchesIngestionTests
{
    [Fact]
    public async Task ReadAsync_EveryMimeCorpusMessage_SameJsonAsTheRawPostIngestionReads()
    {
        var folder = Path.Combine(RepositoryRoot(), "tests", "Compersion.Email.Tests", "TestData", "replies-mime");
        var files = Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).ToList();
        var differing = new List<string>();

        foreach (var file in files)
        {
            await using var eml = File.OpenRead(file);
            var (parsed, problem) = await ParseCommand.ReadAsync(eml, plainText: false, CancellationToken.None);
            Assert.Null(problem);

            using var message = await MimeMessage.LoadAsync(file);
            using var post = InboundParsePost.Raw(message);
            await using var body = await post.ReadAsStreamAsync();
            Assert.True(InboundParseReader.TryRead(body, post.Headers.ContentType!.ToString(), out var mail, out var reason), reason);
            var ingested = ReplyReading.Read(mail!);

            if (Json(ParseResult.From(parsed!)) != Json(ParseResult.From(ingested)))
            {
                differing.Add(Path.GetFileName(file));
            }
        }

        Assert.True(files.Count >= 150, $"only {files.Count} messages");
        Assert.Empty(differing);
    }

    private static string Json(ParseResult result) => JsonSerializer.Serialize(result, ParseJsonContext.Default.ParseResult);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CompersionFunctions.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CompersionFunctions.sln not found above the test binaries.");
    }
}
