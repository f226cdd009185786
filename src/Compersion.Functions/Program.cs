using Compersion.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<ExceptionMiddleware>();
builder.Services.AddCompersionTelemetry(builder.Configuration);
builder.Services.AddCompersionFunctions(builder.Configuration);
builder.Build().Run();
