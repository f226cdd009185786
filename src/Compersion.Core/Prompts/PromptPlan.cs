namespace Compersion.Core.Prompts;

/// <summary>What a subscriber gets on a given local date, given how recently they replied.</summary>
public enum PromptPlan
{
    /// <summary>The daily five-gratitudes prompt.</summary>
    Daily = 0,

    /// <summary>The short weekly check-in sent while a quiet subscriber is backed off.</summary>
    CheckIn = 1,

    /// <summary>Nothing today: backed off, and today is not a check-in day.</summary>
    Skip = 2,
}
