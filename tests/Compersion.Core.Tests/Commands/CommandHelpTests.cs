using Compersion.Core.Commands;

namespace Compersion.Core.Tests.Commands;

public sealed class CommandHelpTests
{
    [Theory]
    [InlineData("PAUSE")]
    [InlineData("DIGEST OFF")]
    [InlineData("PROMPTS OFF")]
    [InlineData("RESUME")]
    [InlineData("STOP")]
    [InlineData("TIME 07:30")]
    [InlineData("ZONE Europe/Berlin")]
    [InlineData("DIGEST SUNDAY 18:00")]
    [InlineData("GOAL 2")]
    [InlineData("EXPORT")]
    [InlineData("TOKEN")]
    [InlineData("SETTINGS")]
    [InlineData("JOURNAL")]
    [InlineData("HELP")]
    public void HelpText_EveryCommand_IsListedWithItsExample(string example)
    {
        var text = CommandHelp.HelpText;

        Assert.Contains(example + " - ", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PAUSE 2 WEEKS")]
    [InlineData("PAUSE 2026-12-28")]
    public void HelpText_PauseWithAnEnd_NamedOnThePauseLineAndParsesAsOne(string example)
    {
        var pauseLine = CommandHelp.HelpText.Split('\n').Single(line => line.StartsWith("PAUSE - ", StringComparison.Ordinal));

        Assert.Contains(example, pauseLine, StringComparison.Ordinal);
        Assert.True(CommandParser.TryParse(example, out var command));
        Assert.NotNull(command!.Until);
    }

    [Fact]
    public void HelpText_EveryExample_ParsesAsAValidCommand()
    {
        var examples = CommandHelp.HelpText.Split('\n')
            .Where(line => line.Contains(" - ", StringComparison.Ordinal))
            .Select(line => line[..line.IndexOf(" - ", StringComparison.Ordinal)])
            .ToList();

        var kinds = examples.Select(example =>
        {
            Assert.True(CommandParser.TryParse(example, out var command), example);
            Assert.True(command!.IsValid, example);
            return command.Kind;
        }).ToHashSet();

        Assert.Equal(Enum.GetValues<CommandKind>().Where(kind => kind != CommandKind.Unknown).Order(), kinds.Order());
    }

    [Fact]
    public void HelpText_Tone_IsShortAndLeavesTheSignOffToTheNote()
    {
        var text = CommandHelp.HelpText;

        Assert.DoesNotContain("Be kind to yourself", text, StringComparison.Ordinal);
        // 18 lines of commands (PAUSE with its end on one line), the intro, the outro and two blank lines.
        Assert.True(text.Split('\n').Length <= 22, "HELP should fit on one phone screen or so.");
        Assert.DoesNotContain("must", text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(CommandKind.Time)]
    [InlineData(CommandKind.Zone)]
    [InlineData(CommandKind.Digest)]
    [InlineData(CommandKind.Goal)]
    [InlineData(CommandKind.Pause)]
    [InlineData(CommandKind.Prompts)]
    public void Usage_CommandWithArgument_IsOneSentenceWithAnExample(CommandKind kind)
    {
        var usage = CommandHelp.Usage(kind);

        Assert.NotNull(usage);
        Assert.Contains("like ", usage, StringComparison.Ordinal);
        Assert.EndsWith(".", usage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CommandKind.Help)]
    [InlineData(CommandKind.Unknown)]
    public void Usage_CommandWithoutArgument_IsNull(CommandKind kind)
    {
        Assert.Null(CommandHelp.Usage(kind));
    }
}
