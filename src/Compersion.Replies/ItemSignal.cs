namespace Compersion.Replies;

/// <summary>What the reply rules can notice about a gratitude item.</summary>
public enum ItemSignal
{
    /// <summary>It mentions a person or a relationship.</summary>
    Social,

    /// <summary>It is too general to savour ("my family", "health").</summary>
    Vague,

    /// <summary>It notices joy in someone else ("she got the job").</summary>
    Compersion,
}
