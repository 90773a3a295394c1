using ComplaintFlow.Infrastructure.Http;
using ComplaintFlow.Infrastructure.Http.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace ComplaintFlow.Functions;

/// <summary>
/// The HTTP contract on the shared endpoints, at the local host's routes (no route prefix: the API is under <c>api/</c>,
/// the ops pages at the root). The signed webhook, the links and the health check are anonymous; the rest of the API
/// takes a Functions key in <c>x-functions-key</c>; the ops pages check their own sign-in cookie.
/// </summary>
public sealed class HttpFunctions(
    BoundDurableClient durable, IntakeEndpoint intake, ActionEndpoint actions, ComplaintsEndpoint complaints, RestrictionsEndpoint restrictions, StatisticsEndpoint statistics, HealthEndpoint health, OpsSignInPage signIn,
    RestrictionsPage restrictionsPage, QueuePage queue, DashboardPage dashboard, CustomersEndpoint customers)
{
    [Function("SubmitComplaint")]
    public async Task Submit([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/complaints")] HttpRequest request, [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        durable.Bind(client);
        await (await intake.HandleAsync(request, ct)).ExecuteAsync(request.HttpContext);
    }

    [Function("ShowAction")]
    public async Task ShowAction([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/actions/{token}")] HttpRequest request, string token, CancellationToken ct) =>
        await (await actions.GetAsync(request.HttpContext, token, ct)).ExecuteAsync(request.HttpContext);

    [Function("TakeAction")]
    public async Task TakeAction(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/actions/{token}")] HttpRequest request, string token, [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        durable.Bind(client);
        await (await actions.PostAsync(request.HttpContext, token, ct)).ExecuteAsync(request.HttpContext);
    }

    [Function("GetComplaint")]
    public async Task Get([HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/complaints/{id}")] HttpRequest request, string id, CancellationToken ct) =>
        await (await complaints.GetAsync(id, request.HttpContext.Response, ct)).ExecuteAsync(request.HttpContext);

    [Function("ListComplaints")]
    public async Task List([HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/complaints")] HttpRequest request, CancellationToken ct)
    {
        var q = request.Query;
        await (await complaints.ListAsync(q["month"], q["status"], q["pageSize"], q["continuationToken"], ct)).ExecuteAsync(request.HttpContext);
    }

    [Function("GetStatistics")]
    public async Task Statistics([HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/stats")] HttpRequest request, CancellationToken ct) =>
        await (await statistics.GetAsync(request.Query["month"], request.Query["from"], request.Query["to"], request.Query["format"], ct)).ExecuteAsync(request.HttpContext);

    [Function("RebuildStatistics")]
    public async Task RebuildStatistics([HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/stats/rebuild")] HttpRequest request, CancellationToken ct) =>
        await (await statistics.RebuildAsync(request.Query["month"], ct)).ExecuteAsync(request.HttpContext);

    [Function("LiftRestriction")]
    public async Task Lift([HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/restrictions/{key}/lift")] HttpRequest request, string key, CancellationToken ct) =>
        await (await restrictions.LiftAsync(key, ct)).ExecuteAsync(request.HttpContext);

    [Function("EraseCustomer")]
    public async Task Erase(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "api/customers/{customerId}/erase")] HttpRequest request, string customerId, [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        durable.Bind(client);
        await (await customers.EraseAsync(customerId, request, ct)).ExecuteAsync(request.HttpContext);
    }

    [Function("Health")]
    public async Task Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health")] HttpRequest request, CancellationToken ct) =>
        await (await health.GetAsync(ct)).ExecuteAsync(request.HttpContext);

    [Function("OpsSignInForm")]
    public async Task SignInForm([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "signin")] HttpRequest request) =>
        await signIn.Form(request.HttpContext).ExecuteAsync(request.HttpContext);

    [Function("OpsSignIn")]
    public async Task SignIn([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "signin")] HttpRequest request) =>
        await (await signIn.SubmitAsync(request.HttpContext)).ExecuteAsync(request.HttpContext);

    [Function("OpsSignOut")]
    public static async Task SignOut([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "signout")] HttpRequest request) =>
        await OpsSignInPage.SignOut(request.HttpContext).ExecuteAsync(request.HttpContext);

    [Function("OpsAsset")]
    public static async Task Asset([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "assets/{name}")] HttpRequest request, string name) =>
        await OpsAssets.Get(request.HttpContext, name).ExecuteAsync(request.HttpContext);

    [Function("OpsRestrictions")]
    public async Task Restrictions([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "restrictions")] HttpRequest request, CancellationToken ct) =>
        await (await restrictionsPage.GetAsync(request.HttpContext, ct)).ExecuteAsync(request.HttpContext);

    [Function("OpsLiftRestriction")]
    public async Task LiftFromPage([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "restrictions/{key}/lift")] HttpRequest request, string key, CancellationToken ct) =>
        await (await restrictionsPage.LiftAsync(request.HttpContext, key, ct)).ExecuteAsync(request.HttpContext);

    [Function("OpsQueue")]
    public async Task Queue([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "queue")] HttpRequest request, CancellationToken ct) =>
        await (await queue.GetAsync(request.HttpContext, ct)).ExecuteAsync(request.HttpContext);

    [Function("OpsQueueComplaint")]
    public async Task QueueComplaint([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "queue/{id}")] HttpRequest request, string id, CancellationToken ct) =>
        await (await queue.ComplaintAsync(request.HttpContext, id, ct)).ExecuteAsync(request.HttpContext);

    [Function("OpsDashboard")]
    public async Task Dashboard([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard")] HttpRequest request, CancellationToken ct) =>
        await (await dashboard.GetAsync(request.HttpContext, ct)).ExecuteAsync(request.HttpContext);

    [Function("OpsDashboardCsv")]
    public async Task DashboardCsv([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/csv")] HttpRequest request, CancellationToken ct) =>
        await (await dashboard.CsvAsync(request.HttpContext, ct)).ExecuteAsync(request.HttpContext);
}
