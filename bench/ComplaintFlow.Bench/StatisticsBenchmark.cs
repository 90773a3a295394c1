using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Sla;
using ComplaintFlow.Core.Statistics;
using ComplaintFlow.Local.Security;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Bench;

/// <summary>
/// <c>GET /api/stats?month=2026-11</c> over HTTP against the local host on Azurite, for a month of N complaints (default
/// 100,000) with their statistics recorded, next to the full scan it replaces: reading every complaint record of the
/// month and adding up its facts, measured in the same run on the same Azurite. Both must give the same total.
/// </summary>
internal static class StatisticsBenchmark
{
    private const string Month = "2026-11";
    private static readonly DateTimeOffset MonthStart = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(int count, int requests, int scans)
    {
        await using var hosts = await BenchHosts.StartAsync(runWorkflows: false);
        var services = hosts.Host.Services;
        var store = services.GetRequiredService<IComplaintStore>();
        var statistics = services.GetRequiredService<ComplaintStatistics>();
        var policy = services.GetRequiredService<SlaPolicy>();

        var setup = Stopwatch.StartNew();
        var random = new Random(20261101);
        var facts = new List<ComplaintFacts>(count);
        foreach (var chunk in Enumerable.Range(0, count).Chunk(500))
        {
            var complaints = chunk.Select(i => Lived(i, random, policy)).ToList();
            await store.AddManyAsync(complaints);
            facts.AddRange(complaints.Select(c => ComplaintFacts.From(c, policy)));
        }

        await services.GetRequiredService<IStatisticsStore>().ReplaceMonthAsync("202611", facts);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count:N0} complaints of {Month} stored with their statistics in {setup.Elapsed.TotalSeconds:0} s; {MachineLoad.Describe()}"));

        // What a month's report reads: its day rows, and how much JSON they hold.
        var dayRows = 0;
        long dayChars = 0;
        var statisticsTable = new Azure.Data.Tables.TableServiceClient(hosts.Azurite.ConnectionString).GetTableClient("benchstatistics");
        await foreach (var row in statisticsTable.QueryAsync<Azure.Data.Tables.TableEntity>("PartitionKey eq '202611' and RowKey ge 'd-' and RowKey lt 'd.'"))
        {
            dayRows++;
            dayChars += row.Sum(p => p.Value is string text ? text.Length : 0);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"a month's report reads {dayRows} day rows holding {dayChars:N0} characters"));
        using var http = new HttpClient { BaseAddress = hosts.BaseAddress };
        http.DefaultRequestHeaders.Add(ApiKeyFilter.Header, ApiOptions.DevelopmentKey);
        long endpointTotal = 0;
        var endpoint = new List<double>();
        for (var i = 0; i < requests + 5; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync($"/api/stats?month={Month}");
            var body = await response.Content.ReadAsStringAsync();
            watch.Stop();
            response.EnsureSuccessStatusCode();
            endpointTotal = JsonDocument.Parse(body).RootElement.GetProperty("total").GetInt64();
            if (i >= 5)
            {
                endpoint.Add(watch.Elapsed.TotalMilliseconds); // the first five warm up JIT and connections
            }
        }

        // The same report in process, without HTTP and JSON: what the store and the report cost.
        var inProcess = new List<double>();
        var first = DateOnly.FromDateTime(MonthStart.UtcDateTime);
        for (var i = 0; i < requests + 5; i++)
        {
            var watch = Stopwatch.StartNew();
            await statistics.ReportAsync(first, first.AddMonths(1).AddDays(-1));
            if (i >= 5)
            {
                inProcess.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        var scan = new List<double>();
        long scanTotal = 0;
        for (var i = 0; i < scans; i++)
        {
            var watch = Stopwatch.StartNew();
            var aggregate = new StatisticsAggregate();
            foreach (var f in await statistics.FactsFromRecordsAsync("202611"))
            {
                aggregate.Add(f);
            }

            scanTotal = StatisticsReport.From(aggregate, DateOnly.FromDateTime(MonthStart.UtcDateTime), DateOnly.FromDateTime(MonthStart.UtcDateTime).AddMonths(1).AddDays(-1)).Total;
            scan.Add(watch.Elapsed.TotalMilliseconds);
        }

        if (endpointTotal != count || scanTotal != count)
        {
            throw new InvalidOperationException($"The endpoint counted {endpointTotal} complaints and the scan {scanTotal}; {count} were stored.");
        }

        endpoint.Sort();
        inProcess.Sort();
        scan.Sort();
        var endpointMedian = Percentiles.Of(endpoint, 50);
        var scanMedian = Percentiles.Of(scan, 50);
        Console.WriteLine("| what | runs | median ms | p90 ms | max ms |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| GET /api/stats?month={Month} (HTTP, day aggregates) | {endpoint.Count} | {endpointMedian:0.0} | {Percentiles.Of(endpoint, 90):0.0} | {endpoint[^1]:0.0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| the same report in process (ComplaintStatistics.ReportAsync) | {inProcess.Count} | {Percentiles.Of(inProcess, 50):0.0} | {Percentiles.Of(inProcess, 90):0.0} | {inProcess[^1]:0.0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| full scan of the month's records (in process) | {scan.Count} | {scanMedian:0} | {Percentiles.Of(scan, 90):0} | {scan[^1]:0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scan / endpoint median: {scanMedian / endpointMedian:N0}x; goal: endpoint median under 50 ms: {(endpointMedian < 50 ? "met" : "missed")}"));
    }

    /// <summary>A complaint received somewhere in the month that got as far as its number says: assigned, answered, resolved, confirmed or not, some breached and escalated.</summary>
    private static Complaint Lived(int i, Random random, SlaPolicy policy)
    {
        var received = MonthStart.AddMinutes(random.Next(0, 29 * 24 * 60));
        var complaint = Complaint.Receive(ComplaintId.New(received), BenchComplaints.Submission(i), received);
        var step = received.AddMinutes(1);
        complaint.BeginVerification(step);
        var severity = (Severity)random.Next(0, 4);
        complaint.Classify((Category)random.Next(0, 10), severity, "bench", step);
        var deadlines = policy.Start(severity, step);
        complaint.Assign("tech", "wang.fang", deadlines.FirstResponse.Due, deadlines.Resolution.Due, step);
        var stage = random.Next(0, 10);
        if (stage == 0)
        {
            return complaint; // still open
        }

        if (stage == 1)
        {
            complaint.RecordBreach("first response", deadlines.FirstResponse.Due);
            complaint.Escalate("tech-lead", "SLA breach: no first response in time.", deadlines.FirstResponse.Due);
        }

        var decided = step.AddMinutes(random.Next(10, 3 * 24 * 60));
        complaint.ProposeOutcome(new Resolution(AgentDecisionKind.Resolve, "Fixed.", Compensation.Refund, complaint.AssignedAgent!, decided));
        if (stage < 8)
        {
            complaint.RecordVerdict(new CustomerVerdict(true, random.Next(1, 6), null, decided.AddHours(random.Next(1, 48))));
        }
        else
        {
            complaint.CloseUnconfirmed(decided.AddDays(7));
        }

        return complaint;
    }
}
