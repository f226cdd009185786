using System.CommandLine;

namespace Compersion.Benchmarks;

/// <summary><c>inbound-large</c>: memory for the largest posts (<see cref="LargeInboundScenario"/>).</summary>
internal static class LargeInboundCommand
{
    // SendGrid's limit is 30 MB for the message; these make posts of about 31 MB (raw: the photo grows by a third in base64) and 30 MB (parsed), its largest.
    private const int RawPhotoBytes = 22 * 1024 * 1024;
    private const int ParsedPhotoBytes = 30_000_000;

    /// <summary>Builds the <c>inbound-large</c> verb.</summary>
    public static Command Create()
    {
        var mode = new Option<string>("--mode") { Description = "raw, parsed or both", DefaultValueFactory = _ => "both" };
        var batch = new Option<int>("--batch") { Description = "Posts ingested at once (1-32; default host.json's batchSize)", DefaultValueFactory = _ => HostQueueSettings.Load().BatchSize };
        var command = new Command("inbound-large", "The largest Inbound Parse posts: one ~30 MB reply and a batch at once, posted and ingested over Azurite; peak working set and managed heap.")
        {
            mode, batch,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            bool[]? modes = parse.GetValue(mode) switch
            {
                "raw" => [false],
                "parsed" => [true],
                "both" => [false, true],
                _ => null,
            };
            var options = new LargeInboundOptions(modes ?? [], parse.GetValue(batch), RawPhotoBytes, ParsedPhotoBytes);
            if (modes is null || options.Batch is < 1 or > 32)
            {
                await Console.Error.WriteLineAsync("Need --mode raw|parsed|both and --batch 1-32.");
                return 2;
            }

            return await LargeInboundScenario.RunAsync(options, Console.Out, cancellationToken);
        });
        return command;
    }
}
