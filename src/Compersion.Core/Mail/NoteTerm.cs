namespace Compersion.Core.Mail;

/// <summary>A term and its meaning in a note's list of terms, such as a command and what it does.</summary>
/// <param name="Term">The term, e.g. <c>TIME 07:30</c>.</param>
/// <param name="Meaning">What it means, e.g. <c>get your daily prompt at another time</c>.</param>
public sealed record NoteTerm(string Term, string Meaning);
