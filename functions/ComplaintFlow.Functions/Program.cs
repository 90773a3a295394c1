using ComplaintFlow.Functions;
using ComplaintFlow.Infrastructure.Hosting;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<StorageOutageMiddleware>(); // after the ASP.NET Core integration, which hands it the HttpContext
builder.Services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
if (!string.IsNullOrEmpty(builder.Configuration[FunctionsSettings.AppInsightsAuthenticationString]))
{
    // infra/ turns Application Insights' key-based ingestion off: the worker's telemetry goes with the app's identity too.
    builder.Services.Configure<TelemetryConfiguration>(c => c.SetAzureTokenCredential(AppIdentity.Credential(null)));
}

builder.Services.AddComplaintFlowFunctions(builder.Configuration);
await builder.Build().RunAsync();
