using System.Reflection;
using System.Runtime.ExceptionServices;

namespace Compersion.Cli.Hosting;

/// <summary>Creates a function class in a fresh DI scope and calls its method, binding the few parameter kinds our functions use.</summary>
internal static class FunctionInvoker
{
    /// <summary>Invokes a function; <paramref name="trigger"/> is the HttpRequest, TimerInfo or message string.</summary>
    public static async Task<object?> InvokeAsync(IServiceProvider services, FunctionDescriptor function, object trigger, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var instance = function.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(scope.ServiceProvider, function.Type);
        var arguments = function.Method.GetParameters().Select(parameter => parameter.ParameterType switch
        {
            var t when t == typeof(CancellationToken) => cancellationToken,
            var t when t.IsInstanceOfType(trigger) => trigger,
            var t when t == typeof(HttpContext) && trigger is HttpRequest request => request.HttpContext,
            _ => scope.ServiceProvider.GetService(parameter.ParameterType)
                 ?? throw new InvalidOperationException($"Function {function.Name}: cannot bind parameter {parameter.Name}."),
        }).ToArray();

        object? result;
        try
        {
            result = function.Method.Invoke(instance, arguments);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
            throw;
        }

        switch (result)
        {
            case Task task:
                await task;
                var property = task.GetType().GetProperty("Result");
                return property?.PropertyType.Name == "VoidTaskResult" ? null : property?.GetValue(task);
            default:
                return result;
        }
    }
}
