using System.Diagnostics;

namespace Compersion.Benchmarks;

/// <summary>CPU time and peak working set of this process or of the emulator, read from the operating system.</summary>
internal static class ProcessFigures
{
    /// <summary>Processor time the process has used so far; zero once it has gone.</summary>
    public static TimeSpan CpuTimeOf(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.TotalProcessorTime;
        }
        catch (ArgumentException)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>The process's largest working set so far, in bytes; zero once it has gone.</summary>
    public static long PeakWorkingSetOf(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.PeakWorkingSet64;
        }
        catch (ArgumentException)
        {
            return 0;
        }
    }
}
