using System.CommandLine;

namespace Compersion.Benchmarks;

/// <summary><c>photos</c>: a reply with four photos through the webhook and ingestion (<see cref="PhotosScenario"/>).</summary>
internal static class PhotosCommand
{
    /// <summary>Builds the <c>photos</c> verb.</summary>
    public static Command Create()
    {
        var rounds = new Option<int>("--rounds") { Description = "Posts of each kind measured, after one warm-up", DefaultValueFactory = _ => 10 };
        var width = new Option<uint>("--width") { Description = "Photo width in pixels", DefaultValueFactory = _ => 6000 };
        var height = new Option<uint>("--height") { Description = "Photo height in pixels", DefaultValueFactory = _ => 4000 };
        var quality = new Option<int>("--quality") { Description = "JPEG quality of the photos (sets their size)", DefaultValueFactory = _ => 80 };
        var command = new Command("photos", "Photos from replies: webhook ack with and without four photos, and working-set growth while ingesting them.")
        {
            rounds, width, height, quality,
        };
        command.SetAction(async (parse, cancellationToken) =>
            await PhotosScenario.RunAsync(Math.Max(1, parse.GetValue(rounds)), parse.GetValue(width), parse.GetValue(height), parse.GetValue(quality), Console.Out, cancellationToken));
        return command;
    }
}
