using System.Reflection;
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

    /// <summary>
    /// Refuses, before anything runs, a function with a parameter the local host cannot bind: besides its trigger
    /// and a <see cref="CancellationToken"/> (and <see cref="HttpContext"/> for HTTP), every parameter must be a
    /// registered service. <c>FunctionContext</c> and <c>ILogger</c> parameters are bound only by the Functions host,
    /// so a function taking one would work in Azure and fail here only when called.
    /// </summary>
    /// <exception cref="InvalidOperationException">Names the function and the parameter.</exception>
    public static void EnsureBindable(IEnumerable<FunctionDescriptor> functions, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentNullException.ThrowIfNull(services);
        var registered = services.GetRequiredService<IServiceProviderIsService>();
        foreach (var function in functions)
        {
            foreach (var parameter in function.Method.GetParameters())
            {
                var type = parameter.ParameterType;
                var bindable = IsTrigger(parameter)
                    || type == typeof(CancellationToken)
                    || (type == typeof(HttpContext) && function.Trigger == FunctionTrigger.Http)
                    || (type != typeof(FunctionContext) && registered.IsService(type));
                Require(bindable, function.Name, $"parameter '{parameter.Name}' ({type.Name}) cannot be bound; take services through the constructor");
            }

            foreach (var constructorParameter in function.Type.GetConstructors().SelectMany(c => c.GetParameters()))
            {
                Require(registered.IsService(constructorParameter.ParameterType), function.Name, $"constructor parameter '{constructorParameter.Name}' ({constructorParameter.ParameterType.Name}) is not a registered service");
            }
        }
    }

    private static bool IsTrigger(ParameterInfo parameter) =>
        parameter.GetCustomAttribute<HttpTriggerAttribute>() is not null
        || parameter.GetCustomAttribute<TimerTriggerAttribute>() is not null
        || parameter.GetCustomAttribute<QueueTriggerAttribute>() is not null;

    private static void Require(bool condition, string name, string rule)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Function {name}: {rule}.");
        }
    }
}
