using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ComplaintFlow.Local.Security;
using ComplaintFlow.Tests.EndToEnd;
using ComplaintFlow.Tests.Fixtures;

namespace ComplaintFlow.Tests.Statistics;

/// <summary><c>GET /api/stats</c> on the local host, as ops would call it.</summary>
public sealed class StatisticsEndpointTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task Without_the_key_it_is_401()
    {
        using var client = Host.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/stats?month=2026-11", UriKind.Relative), _ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("month=2026-13", "month")]
    [InlineData("", "month")]
    [InlineData("month=2026-11&from=2026-11-01", "month")]
    [InlineData("from=2026-11-01&to=2026-11-31", "to")]
    [InlineData("from=Nov&to=2026-11-30", "from")]
    [InlineData("from=2026-01-01&to=2027-01-02", "to")]
    [InlineData("from=2026-11-30&to=2026-11-01", "to")]
    [InlineData("month=2026-11&format=xml", "format")]
    public async Task A_bad_query_is_a_400_problem_naming_the_parameter(string query, string parameter)
    {
        using var response = await GetAsync("/api/stats?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(_ct);
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == parameter);
    }

    [Fact]
    public async Task A_complaint_taken_in_shows_in_its_month_as_json_and_as_csv_with_a_byte_order_mark()
    {
        using var client = Host.CreateClient();
        var driver = new HostDriver(Host, client);
        using var accepted = await driver.PostSignedAsync(HostDriver.ComplaintJson("fb-stats-1"));
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("complaintId").GetString()!;
        await driver.WaitForStatusAsync(id, "Assigned");
        var month = DateTimeOffset.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture);

        using var json = await GetAsync($"/api/stats?month={month}");
        using var csv = await GetAsync($"/api/stats?month={month}&format=csv");

        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        var report = await json.Content.ReadFromJsonAsync<JsonElement>(_ct);
        Assert.Equal(1, report.GetProperty("total").GetInt64());
        Assert.Equal(1, report.GetProperty("byChannel").GetProperty("AppFeedback").GetInt64());
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync(_ct);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Contains("total,,1\r\n", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rebuilding_a_month_answers_with_its_figures_recomputed_from_the_records()
    {
        using var rebuilt = await SendAsync(HttpMethod.Post, "/api/stats/rebuild?month=2026-10");
        using var bad = await SendAsync(HttpMethod.Post, "/api/stats/rebuild?month=October");

        Assert.Equal(HttpStatusCode.OK, rebuilt.StatusCode);
        var report = await rebuilt.Content.ReadFromJsonAsync<JsonElement>(_ct);
        Assert.Equal(0, report.GetProperty("total").GetInt64());
        Assert.Equal("2026-10-31", report.GetProperty("lastDay").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    private Task<HttpResponseMessage> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path)
    {
        using var client = Host.CreateClient();
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add(ApiKeyFilter.Header, RunningHost.ApiKey);
        return await client.SendAsync(request, _ct);
    }
}
