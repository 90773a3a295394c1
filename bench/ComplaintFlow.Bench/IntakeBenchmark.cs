using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Data.Tables;
using ComplaintFlow.Infrastructure.Intake;
using ComplaintFlow.Infrastructure.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Bench;

/// <summary>
/// Signed webhook intake over HTTP against the local host on Azurite (verify, parse, check the restriction snapshot,
/// store the accepted delivery, answer 202), at several concurrencies, next to a bare single-entity insert of a
/// complaint-sized row into the same Azurite, measured in the same run. After each burst the benchmark waits until
/// every accepted complaint is recorded (stored, its workflow started) and reports how long that took, so the bare
/// insert that follows does not share Azurite with the recording.
/// </summary>
internal static class IntakeBenchmark
{
    private static readonly TimeSpan RoundLength = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Measures at each concurrency; with <paramref name="runWorkflows"/> false the host only accepts (an intake-only
    /// host), otherwise every accepted complaint's workflow runs on the same machine and storage while intake is measured.
    /// </summary>
    public static async Task RunAsync(int[] concurrencies, TimeSpan duration, bool runWorkflows)
    {
        Console.WriteLine(runWorkflows ? "workflows run on the same machine and Azurite while intake is measured" : "intake-only host: workflows are scheduled in storage, not run");
        await using var hosts = await BenchHosts.StartAsync(runWorkflows: runWorkflows);
        using var http = new HttpClient { BaseAddress = hosts.BaseAddress };
        var signer = new WebhookSigner(WebhookOptions.DevelopmentSecret);
        var table = new TableServiceClient(hosts.Azurite.ConnectionString).GetTableClient("benchbare");
        await table.CreateIfNotExistsAsync();
        var counter = 0;

        // Warm-up: JIT, connection pools, tables.
        await MeasureAsync(4, TimeSpan.FromSeconds(2), () => PostAsync(http, signer, Interlocked.Increment(ref counter)));
        await MeasureAsync(4, TimeSpan.FromSeconds(2), () => InsertAsync(table, Interlocked.Increment(ref counter)));

        var pump = hosts.Host.Services.GetRequiredService<DeliveryPump>();
        await DrainAsync(pump);

        // Rounds of intake, recording, bare insert, so both sides meet the same Azurite (its garbage collections and
        // growing tables drift over a run) rather than one side getting the first half and the other the second.
        var rounds = Math.Max(1, (int)Math.Round(duration.TotalSeconds / RoundLength.TotalSeconds));
        Console.WriteLine($"{rounds} rounds of {RoundLength.TotalSeconds:N0} s intake, recording, {RoundLength.TotalSeconds:N0} s bare insert per concurrency");
        Console.WriteLine($"{"clients",7} | {"intake req/s",12} {"p50 ms",8} {"p99 ms",8} {"errors",6} | {"recorded in s",13} {"rec/s",6} | {"insert/s",9} {"p50 ms",8} {"p99 ms",8} | {"rate ratio",10} {"p99 ratio",9}");
        foreach (var clients in concurrencies)
        {
            var intakeRounds = new List<Sample>();
            var bareRounds = new List<Sample>();
            var recording = TimeSpan.Zero;
            for (var round = 0; round < rounds; round++)
            {
                intakeRounds.Add(await MeasureAsync(clients, RoundLength, () => PostAsync(http, signer, Interlocked.Increment(ref counter))));
                recording += await DrainAsync(pump);
                bareRounds.Add(await MeasureAsync(clients, RoundLength, () => InsertAsync(table, Interlocked.Increment(ref counter))));
            }

            var intake = Result.Of(intakeRounds);
            var bare = Result.Of(bareRounds);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{clients,7} | {intake.Rate,12:N0} {intake.P50,8:F1} {intake.P99,8:F1} {intake.Errors,6} | {recording.TotalSeconds,13:F1} {intake.Count / (intake.Seconds + recording.TotalSeconds),6:N0} | {bare.Rate,9:N0} {bare.P50,8:F1} {bare.P99,8:F1} | {intake.Rate / bare.Rate,10:F2} {intake.P99 / bare.P99,9:F2}"));
        }
    }

    /// <summary>Waits until every accepted complaint is recorded; returns how long that took.</summary>
    private static async Task<TimeSpan> DrainAsync(DeliveryPump pump)
    {
        var clock = Stopwatch.StartNew();
        while (pump.Waiting > 0)
        {
            await Task.Delay(20);
        }

        return clock.Elapsed;
    }

    private static async Task<bool> PostAsync(HttpClient http, WebhookSigner signer, int n)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            externalId = $"bench-{n}",
            channel = "app-feedback",
            customer = new { id = $"u-{n}", name = "李雷", email = $"customer{n}@example.com", phone = "+8613800000000" },
            subject = "骑手态度恶劣",
            description = $"订单 {n} 配送超时两个小时，骑手还辱骂我。",
            orderId = n.ToString(CultureInfo.InvariantCulture),
            locale = "zh-CN",
        });
        var id = $"msg_bench_{n}";
        var at = DateTimeOffset.UtcNow;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(WebhookHeaders.Id, id);
        request.Headers.Add(WebhookHeaders.Timestamp, at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookHeaders.Signature, signer.Sign(id, at, body));
        using var response = await http.SendAsync(request);
        return response.StatusCode == HttpStatusCode.Accepted;
    }

    private static async Task<bool> InsertAsync(TableClient table, int n)
    {
        var entity = new TableEntity("202611", $"C-202611-{n:D10}")
        {
            ["Status"] = "Received",
            ["Data0"] = new string('x', 1_200),
        };
        await table.AddEntityAsync(entity);
        return true;
    }

    private static async Task<Sample> MeasureAsync(int clients, TimeSpan duration, Func<Task<bool>> operation)
    {
        var latencies = new List<double>[clients];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            var mine = latencies[c] = [];
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await operation();
                }
                catch (Exception e) when (e is HttpRequestException or Azure.RequestFailedException or TaskCanceledException)
                {
                    ok = false;
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!ok)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        return new Sample(latencies.SelectMany(l => l).ToList(), clock.Elapsed.TotalSeconds, errors);
    }

    private sealed record Sample(List<double> Latencies, double Seconds, int Errors);

    private sealed record Result(int Count, double Seconds, double Rate, double P50, double P99, int Errors)
    {
        public static Result Of(IReadOnlyList<Sample> rounds)
        {
            var all = rounds.SelectMany(r => r.Latencies).Order().ToList();
            var seconds = rounds.Sum(r => r.Seconds);
            return new Result(all.Count, seconds, all.Count / seconds, Percentiles.Of(all, 50), Percentiles.Of(all, 99), rounds.Sum(r => r.Errors));
        }
    }
}
