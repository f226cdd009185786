using System.Collections.Immutable;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging.Abstractions;

namespace Compersion.Functions.Tests;

public sealed class ExceptionMiddlewareTests
{
    [Fact]
    public async Task Invoke_QueueFunctionThrows_ExceptionReachesTheHostSoTheMessageIsDeliveredAgain()
    {
        var sut = new ExceptionMiddleware(NullLogger<ExceptionMiddleware>.Instance);
        var context = new Context("IngestInboundFunction");

        await Assert.ThrowsAsync<InvalidOperationException>(() => sut.Invoke(context, _ => throw new InvalidOperationException("storage is down")));
    }

    [Fact]
    public async Task Invoke_HttpFunctionThrowsForABrowser_KindPageWith500()
    {
        var sut = new ExceptionMiddleware(NullLogger<ExceptionMiddleware>.Instance);
        var http = new DefaultHttpContext();
        http.Request.Headers.Accept = "text/html";
        http.Response.Body = new MemoryStream();
        var context = new Context("SubscribeFunction");

        // Where the ASP.NET Core integration keeps the request's HttpContext (what GetHttpContext() reads).
        context.Items["HttpRequestContext"] = http;
        await sut.Invoke(context, _ => throw new InvalidOperationException("storage is down"));

        http.Response.Body.Position = 0;
        var html = System.Net.WebUtility.HtmlDecode(await new StreamReader(http.Response.Body).ReadToEndAsync());
        Assert.Equal(StatusCodes.Status500InternalServerError, http.Response.StatusCode);
        Assert.Contains("Nothing you sent was lost: please try again in a minute.", html, StringComparison.Ordinal);
    }

    private sealed class Context(string name) : FunctionContext
    {
        public override string InvocationId => "invocation";

        public override string FunctionId => name;

        public override TraceContext TraceContext => throw new NotSupportedException();

        public override BindingContext BindingContext => throw new NotSupportedException();

        public override RetryContext RetryContext => throw new NotSupportedException();

        public override IServiceProvider InstanceServices { get; set; } = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(new Microsoft.Extensions.DependencyInjection.ServiceCollection());

        public override FunctionDefinition FunctionDefinition { get; } = new Definition(name);

        public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

        public override IInvocationFeatures Features => throw new NotSupportedException();
    }

    private sealed class Definition(string name) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters => [];

        public override string PathToAssembly => string.Empty;

        public override string EntryPoint => string.Empty;

        public override string Id => name;

        public override string Name => name;

        public override IImmutableDictionary<string, BindingMetadata> InputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;

        public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
    }
}
