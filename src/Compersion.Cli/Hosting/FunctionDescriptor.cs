using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Compersion.Cli.Hosting;

/// <summary>One function found by its attributes, as the Functions host would index it.</summary>
/// <param name="Name">The <c>[Function]</c> name.</param>
/// <param name="Type">The function class.</param>
/// <param name="Method">The function method.</param>
/// <param name="Trigger">Its trigger kind.</param>
/// <param name="Route">HTTP route (without the <c>api/</c> prefix).</param>
/// <param name="Methods">HTTP methods.</param>
/// <param name="AuthLevel">HTTP authorization level.</param>
/// <param name="Schedule">Timer schedule, as written (may be a <c>%Setting%</c>).</param>
/// <param name="QueueName">Queue name, as written (may be a <c>%Setting%</c>).</param>
internal sealed record FunctionDescriptor(
    string Name,
    Type Type,
    MethodInfo Method,
    FunctionTrigger Trigger,
    string? Route = null,
    IReadOnlyList<string>? Methods = null,
    AuthorizationLevel AuthLevel = AuthorizationLevel.Function,
    string? Schedule = null,
    string? QueueName = null);
