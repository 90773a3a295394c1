using ComplaintFlow.Infrastructure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace ComplaintFlow.Functions;

/// <summary>
/// The HTTP contract on the shared endpoints, at the local host's routes (route prefix <c>api</c>). The signed webhook,
/// the links and the health check are anonymous; the rest take a Functions key in <c>x-functions-key</c>.
/// </summary>
public sealed class HttpFunctions(BoundDurableClient durable, IntakeEndpoint intake, ActionEndpoint actions, ComplaintsEndpoint complaints, RestrictionsEndpoint restrictions, StatisticsEndpoint statistics, HealthEndpoint health, CustomersEndpoint customers)
{
    [Function("SubmitComplaint")]
    public async Task Submit([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "complaints")] HttpRequest request, [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        durable.Bind(client);
        await (await intake.HandleAsync(request, ct)).ExecuteAsync(request.HttpContext);
    }

    [Function("ShowAction")]
    public async Task ShowAction([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "actions/{token}")] HttpRequest request, string token, CancellationToken ct) =>
        await (await actions.GetAsync(request.HttpContext, token, ct)).ExecuteAsync(request.HttpContext);

    [Function("TakeAction")]
    public async Task TakeAction(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "actions/{token}")] HttpRequest request, string token, [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        durable.Bind(client);
        await (await actions.PostAsync(request.HttpContext, token, ct)).ExecuteAsync(request.HttpContext);
    }

    [Function("GetComplaint")]
    public async Task Get([HttpTrigger(AuthorizationLevel.Function, "get", Route = "complaints/{id}")] HttpRequest request, string id, CancellationToken ct) =>
        await (await complaints.GetAsync(id, request.HttpContext.Response, ct)).ExecuteAsync(request.HttpContext);

    [Function("ListComplaints")]
    public async Task List([HttpTrigger(AuthorizationLevel.Function, "get", Route = "complaints")] HttpRequest request, CancellationToken ct)
    {
        var q = request.Query;
        await (await complaints.ListAsync(q["month"], q["status"], q["pageSize"], q["continuationToken"], ct)).ExecuteAsync(request.HttpContext);
    }

    [Function("GetStatistics")]
    public async Task Statistics([HttpTrigger(AuthorizationLevel.Function, "get", Route = "stats")] HttpRequest request, CancellationToken ct) =>
        await (await statistics.GetAsync(request.Query["month"], request.Query["from"], request.Query["to"], request.Query["format"], ct)).ExecuteAsync(request.HttpContext);

    [Function("RebuildStatistics")]
    public async Task RebuildStatistics([HttpTrigger(AuthorizationLevel.Function, "post", Route = "stats/rebuild")] HttpRequest request, CancellationToken ct) =>
        await (await statistics.RebuildAsync(request.Query["month"], ct)).ExecuteAsync(request.HttpContext);

    [Function("LiftRestriction")]
    public async Task Lift([HttpTrigger(AuthorizationLevel.Function, "post", Route = "restrictions/{key}/lift")] HttpRequest request, string key, CancellationToken ct) =>
        await (await restrictions.LiftAsync(key, ct)).ExecuteAsync(request.HttpContext);

    [Function("EraseCustomer")]
    public async Task Erase(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "customers/{customerId}/erase")] HttpRequest request, string customerId, [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        durable.Bind(client);
        await (await customers.EraseAsync(customerId, request, ct)).ExecuteAsync(request.HttpContext);
    }

    [Function("Health")]
    public async Task Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request, CancellationToken ct) =>
        await (await health.GetAsync(ct)).ExecuteAsync(request.HttpContext);
}
