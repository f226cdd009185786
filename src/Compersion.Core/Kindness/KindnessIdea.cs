namespace Compersion.Core.Kindness;

/// <summary>One small, concrete idea for a secret act of kindness from the catalog that ships with the product.</summary>
/// <param name="Id">Stable short id derived from the text (8 hex characters), remembered when the idea is suggested.</param>
/// <param name="Category">The kind of act.</param>
/// <param name="Recipient">Who it is for.</param>
/// <param name="Effort">1 (a few minutes), 2 (under an hour) or 3 (an afternoon, or some planning).</param>
/// <param name="Cost">Roughly what it costs.</param>
/// <param name="Setting">Where it is done.</param>
/// <param name="Text">The idea, one imperative sentence.</param>
public sealed record KindnessIdea(string Id, KindCategory Category, KindRecipient Recipient, int Effort, IdeaCost Cost, IdeaSetting Setting, string Text);
