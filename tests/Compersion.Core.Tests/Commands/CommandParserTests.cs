using Compersion.Core.Commands;
using NodaTime;

namespace Compersion.Core.Tests.Commands;

public sealed class CommandParserTests
{
    [Theory]
    [InlineData("PAUSE", CommandKind.Pause)]
    [InlineData("RESUME", CommandKind.Resume)]
    [InlineData("STOP", CommandKind.Stop)]
    [InlineData("UNSUBSCRIBE", CommandKind.Stop)]
    [InlineData("EXPORT", CommandKind.Export)]
    [InlineData("TOKEN", CommandKind.Token)]
    [InlineData("HELP", CommandKind.Help)]
    [InlineData("SETTINGS", CommandKind.Settings)]
    [InlineData("JOURNAL", CommandKind.Journal)]
    [InlineData("journal", CommandKind.Journal)]
    [InlineData("pause", CommandKind.Pause)]
    [InlineData("Pause.", CommandKind.Pause)]
    [InlineData("  resume!  ", CommandKind.Resume)]
    [InlineData("Help", CommandKind.Help)]
    public void TryParse_CommandWithoutArgument_IsThatCommand(string line, CommandKind expected)
    {
        var parsed = CommandParser.TryParse(line, out var command);

        Assert.True(parsed);
        Assert.NotNull(command);
        Assert.Equal(expected, command.Kind);
        Assert.Null(command.Error);
        Assert.True(command.IsValid);
    }

    [Theory]
    [InlineData("ADD ADDRESS alex@Work.Example", CommandKind.AddAddress, "alex@work.example")]
    [InlineData("add address alex@work.example.", CommandKind.AddAddress, "alex@work.example")]
    [InlineData("ADD ADDRESS alex@work.example <mailto:alex@work.example>", CommandKind.AddAddress, "alex@work.example")]
    [InlineData("Remove address alex@work.example", CommandKind.RemoveAddress, "alex@work.example")]
    [InlineData("CHANGE ADDRESS alex@New.Example", CommandKind.ChangeAddress, "alex@new.example")]
    [InlineData("change address alex@new.example <mailto:alex@new.example>", CommandKind.ChangeAddress, "alex@new.example")]
    public void TryParse_AddressCommand_CarriesTheNormalisedAddress(string line, CommandKind expected, string address)
    {
        var parsed = CommandParser.TryParse(line, out var command);

        Assert.True(parsed);
        Assert.Equal((expected, address, true), (command!.Kind, command.Argument, command.IsValid));
    }

    [Theory]
    [InlineData("ADD ADDRESS", true)]
    [InlineData("ADD ADDRESS work", true)]
    [InlineData("Add more salt", false)]
    [InlineData("add address book", false)]
    [InlineData("Remove the weeds", false)]
    [InlineData("Change of plans", false)]
    [InlineData("change address book", false)]
    public void TryParse_AddressCommandWithoutAnAddress_HowToWriteItWhenShoutedElseWriting(string line, bool isCommand)
    {
        var parsed = CommandParser.TryParse(line, out var command);

        Assert.Equal(isCommand, parsed);
        Assert.Equal(isCommand, command?.Error?.Contains("ADD ADDRESS name@work.example", StringComparison.Ordinal) ?? false);
    }

    [Fact]
    public void TryParse_ChangeAddressInCapitalsWithoutAnAddress_HowToWriteIt()
    {
        var parsed = CommandParser.TryParse("CHANGE ADDRESS", out var command);

        Assert.True(parsed);
        Assert.Equal(CommandKind.ChangeAddress, command!.Kind);
        Assert.Contains("CHANGE ADDRESS new@example.org", command.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("REMOVE ME")]
    [InlineData("ADD")]
    public void TryParse_AddOrRemoveInCapitalsWithoutAddress_AnUnknownCommandAnsweredWithHelp(string line)
    {
        var parsed = CommandParser.TryParse(line, out var command);

        Assert.True(parsed);
        Assert.Equal(CommandKind.Unknown, command!.Kind);
    }

    [Fact]
    public void TryParse_CommandOnFirstLineWithTextBelow_ReadsTheFirstLineOnly()
    {
        var parsed = CommandParser.TryParse("\n\n  PAUSE\n\n1. coffee\n2. TIME 07:30", out var command);

        Assert.True(parsed);
        Assert.Equal(CommandKind.Pause, command!.Kind);
    }

    [Theory]
    [InlineData("STOP PLEASE", CommandKind.Stop, "PLEASE")]
    [InlineData("PAUSE FOR A WEEK", CommandKind.Pause, "FOR A WEEK")]
    [InlineData("HELP me", CommandKind.Help, "me")]
    public void TryParse_CapitalCommandWithExtraWords_IsThatCommand(string line, CommandKind expected, string argument)
    {
        var parsed = CommandParser.TryParse(line, out var command);

        Assert.True(parsed);
        Assert.Equal(expected, command!.Kind);
        Assert.Equal(argument, command.Argument);
    }

    [Theory]
    [InlineData("TIME 07:30", 7, 30)]
    [InlineData("time 20:00", 20, 0)]
    [InlineData("Time 7:05", 7, 5)]
    [InlineData("TIME 23:59.", 23, 59)]
    public void TryParse_TimeWithValidTime_CarriesTheTime(string line, int hour, int minute)
    {
        var parsed = CommandParser.TryParse(line, out var command);

        Assert.True(parsed);
        Assert.Equal(CommandKind.Time, command!.Kind);
        Assert.Equal(new LocalTime(hour, minute), command.Time);
        Assert.Null(command.Error);
    }

    // The mails show a 12-hour reader "7:30 am": a reply writing the time that way is understood.
    [Theory]
    [InlineData("TIME 7pm", 19, 0)]
    [InlineData("time 7:30 am", 7, 30)]
    [InlineData("TIME 7:30 PM", 19, 30)]
    [InlineData("Time 12am", 0, 0)]
    [InlineData("TIME 12:15 p.m.", 12, 15)]
    [InlineData("time 6 a.m.", 6, 0)]
    public void TryParse_TimeOnTheTwelveHourClock_CarriesTheTime(string line, int hour, int minute)
    {
        var parsed = CommandParser.TryParse(line, out var command);

        Assert.True(parsed);
        Assert.Equal(CommandKind.Time, command!.Kind);
        Assert.Equal(new LocalTime(hour, minute), command.Time);
        Assert.Null(command.Error);
    }

    [Theory]
    [InlineData("TIME 25:00")]
    [InlineData("TIME 13pm")]
    [InlineData("TIME 0:30 am")]
    [InlineData("TIME 07.30")]
    [InlineData("TIME")]
    [InlineData("TIME SOON")]
    [InlineData("time 7:60")]
    public void TryParse_TimeWithInvalidTime_IsTimeWithAFriendlyError(string line)
    {
        var parsed = CommandParser.TryParse(line, out var command);

        Assert.True(parsed);
        Assert.Equal(CommandKind.Time, command!.Kind);
        Assert.Null(command.Time);
        Assert.Contains("TIME 07:30", command.Error, StringComparison.Ordinal);
        Assert.False(command.IsValid);
    }

    [Theory]
    [InlineData("ZONE Europe/Berlin", "Europe/Berlin")]
    [InlineData("zone europe/berlin", "Europe/Berlin")]
    [InlineData("ZONE AMERICA/NEW_YORK", "America/New_York")]
    [InlineData("TIMEZONE Asia/Kolkata", "Asia/Kolkata")]
    [InlineData("ZONE UTC", "UTC")]
    public void TryParse_ZoneWithKnownZone_CarriesCanonicalId(string line, string expected)
    {
        var parsed = CommandParser.TryParse(line, out var command);

        Assert.True(parsed);
        Assert.Equal(CommandKind.Zone, command!.Kind);
        Assert.Equal(expected, command.Zone);
        Assert.Null(command.Error);
    }

    // The mails name a zone by its city ("New York time"): a reply naming the city is understood.
    [Theory]
    [InlineData("ZONE BERLIN", "Europe/Berlin")]
    [InlineData("Zone London", "Europe/London")]
    [InlineData("zone new york", "America/New_York")]
    [InlineData("ZONE Kolkata", "Asia/Kolkata")]
    [InlineData("TIMEZONE Los Angeles", "America/Los_Angeles")]
    [InlineData("Zone Buenos Aires", "America/Argentina/Buenos_Aires")]
    public void TryParse_ZoneAsACity_CarriesItsZone(string line, string expected)
    {
        var parsed = CommandParser.TryParse(line, out var command);

        Assert.True(parsed);
        Assert.Equal(CommandKind.Zone, command!.Kind);
        Assert.Equal(expected, command.Zone);
        Assert.Null(command.Error);
    }

    [Theory]
    [InlineData("ZONE Mars/Olympus")]
    [InlineData("ZONE ATLANTIS")]
    [InlineData("ZONE")]
    [InlineData("zone Europe/Atlantis")]
    public void TryParse_ZoneWithUnknownZone_IsZoneWithAFriendlyError(string line)
    {
        var parsed = CommandParser.TryParse(line, out var command);

        Assert.True(parsed);
        Assert.Equal(CommandKind.Zone, command!.Kind);
        Assert.Null(command.Zone);
        Assert.Contains("ZONE Europe/Berlin", command.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DIGEST SUNDAY 18:00", IsoDayOfWeek.Sunday, 18, 0)]
    [InlineData("digest friday 07:15", IsoDayOfWeek.Friday, 7, 15)]
    [InlineData("DIGEST Mon 9:00", IsoDayOfWeek.Monday, 9, 0)]
    [InlineData("DIGEST 18:30 SATURDAY", IsoDayOfWeek.Saturday, 18, 30)]
    [InlineData("DIGEST SUNDAY 6PM", IsoDayOfWeek.Sunday, 18, 0)]
    [InlineData("digest sunday 6:30 pm", IsoDayOfWeek.Sunday, 18, 30)]
    public void TryParse_DigestWithDayAndTime_CarriesBoth(string line, IsoDayOfWeek day, int hour, int minute)
    {
        var parsed = CommandParser.TryParse(line, out var command);

        Assert.True(parsed);
        Assert.Equal(CommandKind.Digest, command!.Kind);
        Assert.Equal(day, command.Day);
        Assert.Equal(new LocalTime(hour, minute), command.Time);
        Assert.Null(command.Error);
    }

    [Theory]
    [InlineData("DIGEST SUNDAY")]
    [InlineData("DIGEST FUNDAY 18:00")]
    [InlineData("DIGEST SUNDAY 13PM")]
    [InlineData("DIGEST")]
    [InlineData("digest someday 18:00")]
    public void TryParse_DigestWithBadArguments_IsDigestWithAFriendlyError(string line)
    {
        var parsed = CommandParser.TryParse(line, out var command);

        Assert.True(parsed);
        Assert.Equal(CommandKind.Digest, command!.Kind);
        Assert.Contains("DIGEST SUNDAY 18:00", command.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GOAL 2", 2)]
    [InlineData("goal 0", 0)]
    [InlineData("Goal 14!", 14)]
    public void TryParse_GoalInRange_CarriesTheNumber(string line, int expected)
    {
        var parsed = CommandParser.TryParse(line, out var command);

        Assert.True(parsed);
        Assert.Equal(CommandKind.Goal, command!.Kind);
        Assert.Equal(expected, command.Number);
        Assert.Null(command.Error);
    }

    [Theory]
    [InlineData("GOAL 15")]
    [InlineData("GOAL -1")]
    [InlineData("GOAL TWO")]
    [InlineData("GOAL 1.5")]
    [InlineData("goal 99")]
    public void TryParse_GoalOutOfRangeOrNotANumber_IsGoalWithAFriendlyError(string line)
    {
        var parsed = CommandParser.TryParse(line, out var command);

        Assert.True(parsed);
        Assert.Equal(CommandKind.Goal, command!.Kind);
        Assert.Null(command.Number);
        Assert.Contains("GOAL 2", command.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SNOOZE", "SNOOZE", null)]
    [InlineData("SNOOZE 3 DAYS", "SNOOZE", "3 DAYS")]
    [InlineData("VACATION until monday", "VACATION", "until monday")]
    [InlineData("DELETE", "DELETE", null)]
    public void TryParse_UnknownCapitalWord_IsAnUnknownCommand(string line, string word, string? argument)
    {
        var parsed = CommandParser.TryParse(line, out var command);

        Assert.True(parsed);
        Assert.Equal(CommandKind.Unknown, command!.Kind);
        Assert.Equal(word, command.Word);
        Assert.Equal(argument, command.Argument);
        Assert.False(command.IsValid);
    }

    [Theory]
    [InlineData("Pause for a moment and I noticed the light on the water")]
    [InlineData("pause please")]
    [InlineData("1. Time with Sam")]
    [InlineData("Time with Sam")]
    [InlineData("Time flies")]
    [InlineData("Stopped to smell the roses")]
    [InlineData("Zone out on the sofa")]
    [InlineData("Zone out")]
    [InlineData("Time 5pm walk with Sam")]
    [InlineData("Goal: be kinder")]
    [InlineData("Help from my neighbour with the shopping")]
    [InlineData("Export of my mum's recipes arrived")]
    [InlineData("Digest this: my friend got the job")]
    [InlineData("THANKS")]
    [InlineData("TODAY")]
    [InlineData("Hi!")]
    [InlineData("OK")]
    [InlineData("I")]
    [InlineData("SAM MADE ME DINNER AND WE DANCED")]
    [InlineData("kindness: paused to help a stranger")]
    [InlineData("The SUN came out")]
    [InlineData("PAUSE?")]
    [InlineData("ABSOLUTELYWONDERFUL")]
    [InlineData("")]
    [InlineData("   \n  \n")]
    public void TryParse_GratitudeText_IsNotACommand(string text)
    {
        var parsed = CommandParser.TryParse(text, out var command);

        Assert.False(parsed);
        Assert.Null(command);
    }

    [Fact]
    public void TryParse_HundredKilobyteFirstLine_IsNotACommand()
    {
        var parsed = CommandParser.TryParse("PAUSE " + new string('X', 100_000), out var command);

        Assert.False(parsed);
        Assert.Null(command);
    }

    [Fact]
    public void TryParse_Null_IsNotACommand()
    {
        var parsed = CommandParser.TryParse(null, out var command);

        Assert.False(parsed);
        Assert.Null(command);
    }

    [Fact]
    public void TryParse_WordAsWritten_IsUpperCased()
    {
        var parsed = CommandParser.TryParse("unsubscribe", out var command);

        Assert.True(parsed);
        Assert.Equal("UNSUBSCRIBE", command!.Word);
        Assert.Equal(CommandKind.Stop, command.Kind);
    }

    [Theory]
    [InlineData("PAUSE 2026-12-28")]
    [InlineData("pause 2 weeks")]
    [InlineData("Pause until 2026-12-28")]
    [InlineData("PAUSE FOR A WEEK")]
    [InlineData("pause till monday")]
    public void TryParse_PauseWithAnEnd_IsAPauseThatEndsByItself(string line)
    {
        var parsed = CommandParser.TryParse(line, out var command);

        Assert.True(parsed);
        Assert.Equal(CommandKind.Pause, command!.Kind);
        Assert.True(command.IsValid);
        Assert.NotNull(command.Until);
    }

    [Theory]
    [InlineData("PAUSE 28/12/2026")]
    [InlineData("PAUSE 3 YEARS")]
    public void TryParse_PauseWithAnUnreadableDate_IsAPauseWithAFriendlyError(string line)
    {
        var parsed = CommandParser.TryParse(line, out var command);

        Assert.True(parsed);
        Assert.Equal(CommandKind.Pause, command!.Kind);
        Assert.Contains("PAUSE 2026-12-28", command.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_PauseAlone_IsAPauseUntilResume()
    {
        Assert.True(CommandParser.TryParse("PAUSE", out var command));

        Assert.Null(command!.Until);
        Assert.True(command.IsValid);
    }

    [Theory]
    [InlineData("PROMPTS OFF", CommandKind.Prompts, false)]
    [InlineData("prompts on", CommandKind.Prompts, true)]
    [InlineData("PROMPT OFF", CommandKind.Prompts, false)]
    [InlineData("DIGEST OFF", CommandKind.Digest, false)]
    [InlineData("digest on", CommandKind.Digest, true)]
    public void TryParse_OnOrOff_SwitchesThatMailAlone(string line, CommandKind kind, bool on)
    {
        var parsed = CommandParser.TryParse(line, out var command);

        Assert.True(parsed);
        Assert.Equal(kind, command!.Kind);
        Assert.Equal(on, command.On);
        Assert.True(command.IsValid);
    }

    [Theory]
    [InlineData("PROMPTS")]
    [InlineData("PROMPTS LATER")]
    public void TryParse_PromptsWithoutOnOrOff_SaysHowToWriteIt(string line)
    {
        Assert.True(CommandParser.TryParse(line, out var command));

        Assert.Equal(CommandKind.Prompts, command!.Kind);
        Assert.Contains("PROMPTS OFF", command.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Prompt replies from my sister")]
    [InlineData("prompts me to smile")]
    public void TryParse_WritingThatStartsWithPrompt_IsNotACommand(string line)
    {
        Assert.False(CommandParser.TryParse(line, out _));
    }
}
