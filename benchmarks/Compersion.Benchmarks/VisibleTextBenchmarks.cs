using System.CommandLine;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Compersion.Replies;

namespace Compersion.Benchmarks;

/// <summary>
/// Reply extraction throughput: one operation is a pass of <see cref="VisibleTextExtractor.Extract(string)"/> over the
/// whole shared reply corpus (212 bodies, about 105 kB), so messages per second are 212 / mean; and the 767 kB
/// single-line stress body that several parsers never finish.
/// </summary>
/// <remarks>
/// <para>Targets: at least 60,000 messages/s on one core, and allocated bytes per pass at most 4× the corpus's bytes.</para>
/// <para>The corpus is read from <c>../shared/corpus/replies</c> beside the repository root. Public and unsealed because BenchmarkDotNet derives its runner from it.</para>
/// </remarks>
[MemoryDiagnoser]
public class VisibleTextBenchmarks
{
    private string[] bodies = [];
    private string stress = string.Empty;

    /// <summary>Bodies in one corpus pass.</summary>
    public int Messages => bodies.Length;

    /// <summary>UTF-8 bytes of one corpus pass, the base of the allocation target.</summary>
    public long InputBytes { get; private set; }

    /// <summary>Reads the corpus once.</summary>
    [GlobalSetup]
    public void GlobalSetup()
    {
        var folder = VisibleTextCommand.CorpusFolder();
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
        bodies = manifest.RootElement.GetProperty("cases").EnumerateArray()
            .Select(entry => File.ReadAllText(Path.Combine(folder, entry.GetProperty("input_file").GetString()!)))
            .ToArray();
        InputBytes = bodies.Sum(body => (long)Encoding.UTF8.GetByteCount(body));
        stress = File.ReadAllText(Path.Combine(folder, "stress", "long_quote.txt"));
    }

    /// <summary>Extracts the visible text of every corpus body.</summary>
    [Benchmark]
    public int CorpusPass()
    {
        var characters = 0;
        foreach (var body in bodies)
        {
            characters += VisibleTextExtractor.Extract(body).Length;
        }

        return characters;
    }

    /// <summary>Extracts the visible text of the 767 kB body with a 707 kB line.</summary>
    [Benchmark]
    public int StressLongQuote() => VisibleTextExtractor.Extract(stress).Length;
}

/// <summary><c>replies</c>: runs <see cref="VisibleTextBenchmarks"/> and reports messages/s and allocation against the targets.</summary>
internal static class VisibleTextCommand
{
    /// <summary>Messages per second the corpus pass must reach on one core.</summary>
    public const double TargetMessagesPerSecond = 60_000;

    /// <summary>Most bytes allocated per byte of input.</summary>
    public const double TargetAllocationRatio = 4;

    /// <summary>Builds the <c>replies</c> verb.</summary>
    public static Command Create()
    {
        var command = new Command("replies", "Reply extraction: corpus throughput (messages/s) and allocation, and the long-quote stress body (BenchmarkDotNet).");
        command.SetAction(_ =>
        {
            // In-process, as for dispatch: the generated out-of-process project would not build under central packages.
            var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithId("InProcess");
            var summary = BenchmarkRunner.Run<VisibleTextBenchmarks>(ManualConfig.Create(DefaultConfig.Instance).AddJob(job));
            return Report(summary);
        });
        return command;
    }

    /// <summary><c>../shared/corpus/replies</c> beside the folder holding <c>CompersionFunctions.sln</c>.</summary>
    public static string CorpusFolder()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "CompersionFunctions.sln")))
                {
                    var corpus = Path.GetFullPath(Path.Combine(folder.FullName, "..", "shared", "corpus", "replies"));
                    return File.Exists(Path.Combine(corpus, "manifest.json"))
                        ? corpus
                        : throw new DirectoryNotFoundException($"The reply corpus was not found at {corpus}.");
                }
            }
        }

        throw new DirectoryNotFoundException("CompersionFunctions.sln was not found above the benchmark or the current directory.");
    }

    private static int Report(Summary summary)
    {
        var corpus = summary.Reports.FirstOrDefault(report => report.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(VisibleTextBenchmarks.CorpusPass));
        if (corpus?.ResultStatistics is null)
        {
            Console.Error.WriteLine("The corpus pass did not produce results; see the log above.");
            return 1;
        }

        var probe = new VisibleTextBenchmarks();
        probe.GlobalSetup();
        var messagesPerSecond = probe.Messages / (corpus.ResultStatistics.Mean / 1e9);
        var allocated = corpus.GcStats.GetBytesAllocatedPerOperation(corpus.BenchmarkCase) ?? 0;
        var ratio = allocated / (double)probe.InputBytes;
        Console.WriteLine();
        Console.WriteLine($"Corpus pass: {probe.Messages} messages, {probe.InputBytes:N0} bytes, mean {corpus.ResultStatistics.Mean / 1e6:0.000} ms.");
        Console.WriteLine($"Throughput {messagesPerSecond:N0} messages/s (target >= {TargetMessagesPerSecond:N0}: {(messagesPerSecond >= TargetMessagesPerSecond ? "met" : "MISSED")}).");
        Console.WriteLine($"Allocated {allocated:N0} bytes per pass, {ratio:0.00} per input byte (target <= {TargetAllocationRatio}: {(ratio <= TargetAllocationRatio ? "met" : "MISSED")}).");
        return 0;
    }
}
