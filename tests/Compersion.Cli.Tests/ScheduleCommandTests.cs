using System.CommandLine;
using Compersion.Cli.Commands;

namespace Compersion.Cli.Tests;

public sealed class ScheduleCommandTests
{
    [Fact]
    public async Task Schedule_NewYorkAcrossSpringForward_PrintsUtcInstantsPerLocalDate()
    {
        var output = new StringWriter();
        var root = new RootCommand { ScheduleCommand.Create() };

        var exit = await root.Parse(["schedule", "--zone", "America/New_York", "--at", "02:30", "--from", "2026-03-07", "--days", "3"])
            .InvokeAsync(new InvocationConfiguration { Output = output });

        Assert.Equal(0, exit);
        Assert.Equal(
            ["2026-03-07T07:30:00Z", "2026-03-08T07:00:00Z", "2026-03-09T06:30:00Z"],
            output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task Schedule_UnknownZone_ExitCode2()
    {
        var error = new StringWriter();
        var root = new RootCommand { ScheduleCommand.Create() };

        var exit = await root.Parse(["schedule", "--zone", "Mars/Olympus", "--from", "2026-03-07"]).InvokeAsync(new InvocationConfiguration { Error = error, Output = new StringWriter() });

        Assert.Equal(2, exit);
        Assert.Contains("Unknown time zone", error.ToString(), StringComparison.Ordinal);
    }
}
