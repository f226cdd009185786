namespace Compersion.Replies;

/// <summary>One gratitude item with its signals, as <see cref="ItemSignals"/> understood it.</summary>
/// <param name="Text">The item as written.</param>
/// <param name="Social">Mentions a person or relationship.</param>
/// <param name="Vague">Too general to savour ("my family", "health").</param>
/// <param name="Compersion">Joy noticed in someone else.</param>
public sealed record UnderstoodItem(string Text, bool Social = false, bool Vague = false, bool Compersion = false);
