namespace Compersion.Core.Mail;

/// <summary>What the digest templates show: every sentence already written, every user text still raw (templates escape it).</summary>
/// <param name="Heading">"Your week, looking back".</param>
/// <param name="Range">"Sunday 22 to Saturday 28 November".</param>
/// <param name="GratitudeLine">Days journaled, perfect days, days with a person — or the kind word for a quiet week.</param>
/// <param name="ProgressLine">The run toward 22 days.</param>
/// <param name="HasMostSpecific">Whether <paramref name="MostSpecificLead"/> and <paramref name="MostSpecific"/> are shown.</param>
/// <param name="MostSpecificLead">"The most specific thing you wrote (Tuesday, 24 November):".</param>
/// <param name="MostSpecific">The item, quoted.</param>
/// <param name="PeopleLine">"Who showed up most: …"; empty when nobody did.</param>
/// <param name="JoyInOthers">Items noticing someone else's joy, quoted.</param>
/// <param name="GoalLine">Acts this week against the goal, with the run of weeks it has been met (consistency).</param>
/// <param name="Acts">This week's acts, each with what it was and for whom.</param>
/// <param name="HasGrid">Whether the category × recipient grid is shown.</param>
/// <param name="GridRows">The grid's filled cells: one row per recipient that appears, with the categories done for them.</param>
/// <param name="GridText">The same rows as plain text.</param>
/// <param name="VarietyLine">How varied the recent acts are; empty when there are none.</param>
/// <param name="RepeatLine">The gentle call-out of a repeat; empty when there is none.</param>
/// <param name="Suggestions">Three ideas for the week ahead.</param>
/// <param name="ForYouAlone">An older act to savour; empty when there is none.</param>
/// <param name="SecrecyLine">The reminder to keep acts secret.</param>
/// <param name="ReplyLine">How to log acts by replying.</param>
/// <param name="Signature">The sender name.</param>
/// <param name="AddressesLine">Which further addresses (masked) can write to the journal; empty when none.</param>
internal sealed record DigestView(
    string Heading,
    string Range,
    string GratitudeLine,
    string ProgressLine,
    bool HasMostSpecific,
    string MostSpecificLead,
    string MostSpecific,
    string PeopleLine,
    IReadOnlyList<string> JoyInOthers,
    string GoalLine,
    IReadOnlyList<DigestActView> Acts,
    bool HasGrid,
    IReadOnlyList<DigestGridRow> GridRows,
    string GridText,
    string VarietyLine,
    string RepeatLine,
    IReadOnlyList<DigestIdeaView> Suggestions,
    string ForYouAlone,
    string SecrecyLine,
    string ReplyLine,
    string Signature,
    string AddressesLine = "");

/// <summary>One act of the week as the digest lists it.</summary>
/// <param name="Text">The act as written, tags removed.</param>
/// <param name="Label">"kind words for a neighbour", or "not sure what kind yet".</param>
internal sealed record DigestActView(string Text, string Label);

/// <summary>One row of the category × recipient grid: a recipient and its filled cells.</summary>
/// <param name="Recipient">The row heading.</param>
/// <param name="Cells">The categories done for this recipient, with a count when more than one ("help ×3").</param>
internal sealed record DigestGridRow(string Recipient, IReadOnlyList<string> Cells);

/// <summary>One suggested idea.</summary>
/// <param name="Text">The idea.</param>
/// <param name="Details">"a few minutes · free".</param>
internal sealed record DigestIdeaView(string Text, string Details);
