namespace Compersion.Replies.Tests;

public sealed class ItemPeopleTests
{
    [Theory]
    [InlineData("Lunch with Dan Okafor at the canteen", "Dan Okafor")]
    [InlineData("Maria Fernanda called from Lisbon", "Maria Fernanda")]
    public void Mentions_FullName_IsOnePerson(string text, string person)
    {
        var mentions = ItemPeople.Find(text).Mentions().ToList();

        Assert.Equal([person], mentions);
    }

    [Fact]
    public void Mentions_MyMumAndAFriend_ShownAsTheDigestSaysThem()
    {
        var mentions = ItemPeople.Find("My mum and Sam baked bread").Mentions().ToList();

        Assert.Equal(["your mum", "Sam"], mentions);
    }

    [Fact]
    public void Mentions_PetAfterAnimalWord_IsNoOne()
    {
        var people = ItemPeople.Find("Walking my dog Biscuit");

        Assert.Empty(people.Mentions());
        Assert.False(people.HasName);
    }

    [Theory]
    [InlineData("My sister Kate called just to ask how my knee is doing", "Kate")]
    [InlineData("Morning tea with my husband Raj", "Raj")]
    [InlineData("My daughter Mia's first steps", "Mia")]
    [InlineData("Her brother Tom fixed our fence", "Tom")]
    [InlineData("My boss Dr. Patel thanked the whole team", "Dr Patel")]
    [InlineData("Grandma Rose baked cookies", "Grandma Rose")]
    [InlineData("Das Frühstück mit meiner Schwester Lena am Küchentisch", "Lena")]
    [InlineData("Mi amiga Carmen me mandó un mensaje precioso", "Carmen")]
    [InlineData("Ma sœur Claire m'a appelée", "Claire")]
    public void Mentions_RelationshipThenName_IsOnePerson(string text, string person)
    {
        var mentions = ItemPeople.Find(text).Mentions().ToList();

        Assert.Equal([person], mentions);
    }

    [Theory]
    [InlineData("Lunch with Kate, Tom and Priya", "Kate|Tom|Priya")]
    [InlineData("Sam, Priya, Ben and I went bowling", "Sam|Priya|Ben")]
    [InlineData("A walk with Kate/Tom", "Kate|Tom")]
    [InlineData("Dinner with my mum, Sam and Tom", "your mum|Sam|Tom")]
    [InlineData("Kate, my sister, called", "Kate|your sister")]
    public void Mentions_PeopleSeparatedByPunctuation_AreEachTheirOwn(string text, string people)
    {
        var mentions = ItemPeople.Find(text).Mentions().ToList();

        Assert.Equal(people.Split('|'), mentions);
    }

    [Theory]
    [InlineData("Coffee with my mum and dad", "your mum|your dad")]
    [InlineData("My mum, dad and brother came for lunch", "your mum|your dad|your brother")]
    [InlineData("Her mum and dad came over", "")]
    [InlineData("My mum and Sam baked bread", "your mum|Sam")]
    public void Mentions_RelationshipsJoinedByAnd_ShareTheirOwner(string text, string people)
    {
        var mentions = ItemPeople.Find(text).Mentions().ToList();

        Assert.Equal(people.Split('|', StringSplitOptions.RemoveEmptyEntries), mentions);
    }
}
