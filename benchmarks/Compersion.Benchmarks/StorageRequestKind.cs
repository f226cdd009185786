namespace Compersion.Benchmarks;

/// <summary>One line of the round-trip breakdown.</summary>
/// <param name="Step">The scenario step that made the request (dispatcher, queue trigger, send handler).</param>
/// <param name="Service">blob, table or queue.</param>
/// <param name="Resource">The table or queue name (<c>$batch</c> for an entity-group transaction).</param>
/// <param name="Operation">What the request did, e.g. point read, query, insert, send message.</param>
internal sealed record StorageRequestKind(string Step, string Service, string Resource, string Operation);
