using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Compersion.Cli.Hosting;

/// <summary>Finds functions from their attributes, so a new function class needs no second registration.</summary>
internal static class FunctionCatalog
{
    /// <summary>Every <c>[Function]</c> method in an assembly, with its trigger.</summary>
    public static IReadOnlyList<FunctionDescriptor> Discover(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var found = new List<FunctionDescriptor>();
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            {
                var function = method.GetCustomAttribute<FunctionAttribute>();
                if (function is null)
                {
                    continue;
                }

                found.Add(Describe(function.Name, type, method));
            }
        }

        return found.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    private static FunctionDescriptor Describe(string name, Type type, MethodInfo method)
    {
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.GetCustomAttribute<HttpTriggerAttribute>() is { } http)
            {
                Require(parameter.ParameterType == typeof(HttpRequest), name, "an HTTP trigger must bind HttpRequest");
                var methods = (http.Methods ?? ["get", "post"]).Select(m => m.ToUpperInvariant()).ToList();
                return new FunctionDescriptor(name, type, method, FunctionTrigger.Http, Route: http.Route ?? name, Methods: methods, AuthLevel: http.AuthLevel);
            }

            if (parameter.GetCustomAttribute<TimerTriggerAttribute>() is { } timer)
            {
                Require(parameter.ParameterType == typeof(TimerInfo), name, "a timer trigger must bind TimerInfo");
                Require(!timer.RunOnStartup, name, "RunOnStartup is not allowed");
                return new FunctionDescriptor(name, type, method, FunctionTrigger.Timer, Schedule: timer.Schedule);
            }

            if (parameter.GetCustomAttribute<QueueTriggerAttribute>() is { } queue)
            {
                Require(parameter.ParameterType == typeof(string), name, "a queue trigger must bind the message as string");
                return new FunctionDescriptor(name, type, method, FunctionTrigger.Queue, QueueName: queue.QueueName);
            }
        }

        throw new InvalidOperationException($"Function {name} has no trigger the local host understands.");
    }

    private static void Require(bool condition, string name, string rule)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Function {name}: {rule}.");
        }
    }
}
