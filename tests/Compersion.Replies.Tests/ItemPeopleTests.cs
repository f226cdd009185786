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
}
