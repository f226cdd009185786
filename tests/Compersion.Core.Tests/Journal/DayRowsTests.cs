using Compersion.Core.Journal;
using Compersion.Core.Kindness;

namespace Compersion.Core.Tests.Journal;

public sealed class DayRowsTests
{
    private static readonly DayRows Day = new(
        [Item("Tea with Ana", "m:first"), Item("Coffee with Sam 2. The rain", "m:misread"), Item("Soup", null), Item("A walk", "m:first")],
        [new KindAct("a note for the neighbour", "words", "neighbour") { Source = "m:misread" }]);

    [Fact]
    public void Replacing_WhatOneMessageWrote_NewReadingTakesItsPlaceAndEverythingElseStays()
    {
        var reading = JournalWriter.Understand(["Coffee with Sam", "The rain"], []);

        var next = Day.Replacing("m:misread", reading);

        Assert.Equal(["Tea with Ana", "Coffee with Sam", "The rain", "Soup", "A walk"], next.Items.Select(item => item.Text));
        Assert.Equal(["m:first", "m:misread", "m:misread", null, "m:first"], next.Items.Select(item => item.Source));
        Assert.Empty(next.Acts);
    }

    [Fact]
    public void Replacing_NewReadingHoldsAGratitudeTheDayHasFromElsewhere_NotAddedTwice()
    {
        var reading = JournalWriter.Understand(["soup.", "The rain"], []);

        var next = Day.Replacing("m:misread", reading);

        Assert.Equal(["Tea with Ana", "The rain", "Soup", "A walk"], next.Items.Select(item => item.Text));
    }

    [Fact]
    public void Replacing_SameReadingAgain_SameDay()
    {
        var once = Day.Replacing("m:misread", JournalWriter.Understand(["Coffee with Sam", "The rain"], ["a note for the neighbour"]));

        var twice = once.Replacing("m:misread", JournalWriter.Understand(["Coffee with Sam", "The rain"], ["a note for the neighbour"]));

        Assert.Equal(once.Items, twice.Items);
        Assert.Equal(once.Acts, twice.Acts);
    }

    [Fact]
    public void Replacing_EmptyReading_RemovesOnlyWhatThatMessageWrote()
    {
        var next = Day.Replacing("m:first", JournalAddition.Empty);

        Assert.Equal(["Coffee with Sam 2. The rain", "Soup"], next.Items.Select(item => item.Text));
        Assert.Single(next.Acts);
        Assert.False(next.Holds("m:first"));
        Assert.True(next.Holds("m:misread"));
    }

    private static JournalItem Item(string text, string? source) => JournalItem.Understand(text) with { Source = source };
}
