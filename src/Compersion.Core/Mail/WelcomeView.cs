namespace Compersion.Core.Mail;

/// <summary>What the welcome mail shows.</summary>
/// <param name="FirstPrompt">When the first prompt comes, as a reader says it ("this evening at 20:00 Berlin time").</param>
/// <param name="Commands">The three commands most people need.</param>
/// <param name="Signature">The sender name.</param>
internal sealed record WelcomeView(string FirstPrompt, IReadOnlyList<NoteTerm> Commands, string Signature);
