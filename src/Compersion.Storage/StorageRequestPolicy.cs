using Azure.Core.Pipeline;

namespace Compersion.Storage;

/// <summary>A pipeline policy added to every storage client, run once per attempt of every request.</summary>
/// <remarks>
/// Register one as a singleton before the clients are first resolved. The app registers none; development
/// tooling (the benchmarks' and tests' round-trip counter) opts in through this hook, so nothing of it runs in
/// the Functions app.
/// </remarks>
/// <param name="Policy">The policy, placed per retry.</param>
public sealed record StorageRequestPolicy(HttpPipelinePolicy Policy);
