using System.CommandLine;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Compersion.Core.Digests;
using Compersion.Core.Journal;
using Compersion.Core.Kindness;
using Compersion.Core.Mail;
using Compersion.Core.Security;
using Compersion.Core.Sending;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Compersion.Benchmarks;

/// <summary>
/// Composing one weekly digest, as the send handler does once its one partition query has returned: pick the three
/// suggestions from the catalog, build the digest from the journal, render the text and HTML through the templates.
/// </summary>
/// <remarks>
/// <para>Target: at most 2 ms for a subscriber with 365 days of entries and 100 kind acts (the built-in sample history,
/// <see cref="SampleJournal"/>, scaled up).</para>
/// <para>Public and unsealed because BenchmarkDotNet derives its runner from it.</para>
/// </remarks>
[MemoryDiagnoser]
public class DigestBenchmarks
{
    private static readonly LocalDate Sunday = new(2026, 11, 29);

    private SubscriberJournal journal = null!;
    private DigestComposer composer = null!;

    /// <summary>Builds the history and the composer once.</summary>
    [GlobalSetup]
    public void GlobalSetup()
    {
        journal = SampleJournal.Create(Sunday, days: 365, acts: 100);
        composer = new DigestComposer(
            new TokenSigner(Options.Create(new TokenOptions { CurrentSecret = "compersion-benchmarks-signing-secret-not-used-in-production" })),
            Options.Create(new MailOptions()));
        if (journal.Entries.Count < 300 || journal.Acts.Sum(day => day.Acts.Count) != 100)
        {
            throw new InvalidOperationException("The sample history is not the size the target names.");
        }
    }

    /// <summary>Suggest, build, compose: everything but the storage round trips.</summary>
    [Benchmark]
    public int ComposeDigest()
    {
        var subscriber = SampleJournal.Subscriber;
        var suggestions = DigestBuilder.Suggest(subscriber, Sunday, journal, IdeaCatalog.Shipped);
        var digest = DigestBuilder.Build(subscriber, Sunday, journal, suggestions);
        var mail = composer.Compose(subscriber, digest, "benchmark-digest");
        return mail.Text.Length + mail.Html!.Length;
    }
}

/// <summary><c>digest</c>: runs <see cref="DigestBenchmarks"/> and reports the mean against the 2 ms target.</summary>
internal static class DigestCommand
{
    /// <summary>The most one composition may take.</summary>
    public static readonly TimeSpan Target = TimeSpan.FromMilliseconds(2);

    /// <summary>Builds the <c>digest</c> verb.</summary>
    public static Command Create()
    {
        var command = new Command("digest", "Compose and render one digest for 365 days of entries and 100 acts (BenchmarkDotNet).");
        command.SetAction(_ =>
        {
            var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithId("InProcess");
            var summary = BenchmarkRunner.Run<DigestBenchmarks>(ManualConfig.Create(DefaultConfig.Instance).AddJob(job));
            return Report(summary);
        });
        return command;
    }

    private static int Report(Summary summary)
    {
        var report = summary.Reports.FirstOrDefault();
        if (report?.ResultStatistics is null)
        {
            Console.Error.WriteLine("The digest benchmark did not produce results; see the log above.");
            return 1;
        }

        var mean = TimeSpan.FromTicks((long)(report.ResultStatistics.Mean / 100));
        var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0;
        Console.WriteLine();
        Console.WriteLine($"One digest (365 days, 100 acts): mean {mean.TotalMilliseconds:0.000} ms ± {report.ResultStatistics.StandardError / 1e6:0.000}, {allocated:N0} bytes allocated " +
                          $"(target <= {Target.TotalMilliseconds} ms: {(mean <= Target ? "met" : "MISSED")}).");
        return 0;
    }
}
