namespace Compersion.Replies;

/// <summary>The working state of the signal rules for one item: its tokens, who was found where, and what matched.</summary>
internal sealed class ItemAnalysis
{
    /// <summary>Tokenizes an item.</summary>
    public ItemAnalysis(string item)
    {
        Item = item;
        Tokens = ItemTokenizer.Tokenize(item);
        PersonRules = new string?[Tokens.Count];
    }

    /// <summary>The item as written.</summary>
    public string Item { get; }

    /// <summary>Its words, numbers and sentence breaks.</summary>
    public List<Token> Tokens { get; }

    /// <summary>Per token: the Social rule that found a person there, or <see langword="null"/>.</summary>
    public string?[] PersonRules { get; }

    /// <summary>Every rule that fired, in order.</summary>
    public List<SignalMatch> Matches { get; } = [];

    /// <summary>Whether any rule gave <paramref name="signal"/>.</summary>
    public bool Has(ItemSignal signal) => Matches.Exists(match => match.Signal == signal);

    /// <summary>Records a match over tokens <paramref name="start"/> to <paramref name="end"/> (inclusive).</summary>
    public void Add(ItemSignal signal, string rule, int start, int end) =>
        Matches.Add(new SignalMatch(signal, rule, Tokens[start..(end + 1)].Where(token => token.Kind != TokenKind.Break).Select(token => token.Text).ToList()));

    /// <summary>Records a match over the tokens at the given positions.</summary>
    public void Add(ItemSignal signal, string rule, params int[] positions) =>
        Matches.Add(new SignalMatch(signal, rule, positions.Select(position => Tokens[position].Text).ToList()));

    /// <summary>Marks tokens as a person found by <paramref name="rule"/> and records the Social match.</summary>
    public void AddPerson(string rule, int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            PersonRules[i] = rule;
        }

        Add(ItemSignal.Social, rule, start, start + length - 1);
    }
}
