namespace Compersion.Core.Journal;

/// <summary>What a correction on a day's page does to one gratitude or act.</summary>
public enum CorrectionAction
{
    /// <summary>Replace its text (signals or classification are worked out again; a chosen category and recipient stay).</summary>
    Edit = 0,

    /// <summary>Remove it.</summary>
    Delete = 1,

    /// <summary>Move a gratitude to the kind acts, or an act to the gratitudes.</summary>
    Move = 2,

    /// <summary>Set an act's category and recipient: the subscriber's choice, which wins over the classifier's.</summary>
    Classify = 3,
}
