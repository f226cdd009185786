using Compersion.Cli.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Compersion.Cli.Tests;

public sealed class FunctionCatalogTests
{
    [Theory]
    [InlineData(nameof(TakesFunctionContext.RunAsync), typeof(TakesFunctionContext), "context")]
    [InlineData(nameof(TakesLogger.RunAsync), typeof(TakesLogger), "logger")]
    public void EnsureBindable_ParameterOnlyTheFunctionsHostBinds_RefusedAtStartUpNamingIt(string method, Type type, string parameter)
    {
        var function = new FunctionDescriptor("Probe", type, type.GetMethod(method)!, FunctionTrigger.Queue, QueueName: "probe");
        using var services = new ServiceCollection().BuildServiceProvider();

        var exception = Assert.Throws<InvalidOperationException>(() => FunctionCatalog.EnsureBindable([function], services));

        Assert.Contains("Probe", exception.Message, StringComparison.Ordinal);
        Assert.Contains($"'{parameter}'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureBindable_HttpContextOnAnHttpTrigger_Passes()
    {
        var type = typeof(TakesHttpContext);
        var function = new FunctionDescriptor("Page", type, type.GetMethod(nameof(TakesHttpContext.Run))!, FunctionTrigger.Http, Route: "page");
        using var services = new ServiceCollection().BuildServiceProvider();

        var exception = Record.Exception(() => FunctionCatalog.EnsureBindable([function], services));

        Assert.Null(exception);
    }

    private static class TakesFunctionContext
    {
        public static Task RunAsync([QueueTrigger("probe")] string message, FunctionContext context) => Task.CompletedTask;
    }

    private static class TakesLogger
    {
        public static Task RunAsync([QueueTrigger("probe")] string message, ILogger logger, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static class TakesHttpContext
    {
        public static string Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "page")] HttpRequest request, HttpContext context, CancellationToken cancellationToken) => "ok";
    }
}
