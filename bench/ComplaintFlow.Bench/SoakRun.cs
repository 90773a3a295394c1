using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Infrastructure.Email;
using ComplaintFlow.Infrastructure.Intake;
using ComplaintFlow.Infrastructure.Webhooks;
using ComplaintFlow.Local.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Bench;

/// <summary>
/// Mixed traffic against the local host on Azurite for a while, as its users make it: signed complaints at a steady
/// rate ("the app crashes at checkout": urgent, so the short first-response window runs around the clock); agents and
/// customers acting on the links their emails bring, through the pages (GET the form, POST it with its CSRF cookie).
/// A third of the complaints are resolved by their agent at once and confirmed; a third are left alone until the
/// reminders and the breach's escalation bring them to the team lead, who resolves them; a third are resolved, found
/// not satisfying, reopened, resolved again and confirmed. Every sample records memory, handles, threads, the storage
/// request rate, latency and the backlog; the run ends by waiting for every accepted complaint to close.
/// </summary>
internal sealed partial class SoakRun : IAsyncDisposable
{
    private readonly BenchHosts _hosts;
    private readonly SoakOptions _options;
    private readonly HttpClient _http;
    private readonly WebhookSigner _signer = new(WebhookOptions.DevelopmentSecret);
    private readonly ConcurrentDictionary<string, Scenario> _complaints = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _closed = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly ConcurrentDictionary<EmailKind, int> _emails = new();
    private readonly ConcurrentBag<double> _intakeLatency = [];
    private readonly ConcurrentBag<double> _actionLatency = [];
    private readonly ConcurrentDictionary<(string, EmailKind), int> _seen = new(); // round 1's emails are the first of their kind
    private readonly MeterListener _storageRequests = new();
    private readonly HashSet<int> _storagePorts;
    private int _failureCount;
    private long _storageRequestCount;

    private SoakRun(BenchHosts hosts, SoakOptions options)
    {
        _hosts = hosts;
        _options = options;
        _storagePorts = [hosts.Azurite.BlobPort, hosts.Azurite.QueuePort, hosts.Azurite.TablePort];
#pragma warning disable CA2000 // the client owns and disposes the handler
        _http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }, disposeHandler: true)
        {
            BaseAddress = hosts.BaseAddress,
            Timeout = TimeSpan.FromSeconds(100),
        };
#pragma warning restore CA2000

        // Every HTTP request this process sends to Azurite's ports: the app's tables and queues and the engine's.
        _storageRequests.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "System.Net.Http" && instrument.Name == "http.client.request.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _storageRequests.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "server.port" && tag.Value is int port && _storagePorts.Contains(port))
                {
                    Interlocked.Increment(ref _storageRequestCount);
                    return;
                }
            }
        });
        _storageRequests.Start();
    }

    private enum Scenario
    {
        /// <summary>The agent resolves at once; the customer is satisfied.</summary>
        Resolved,

        /// <summary>Nobody answers: reminders, then the breach escalates to the lead, who resolves.</summary>
        Escalated,

        /// <summary>Resolved, not satisfied, reopened, resolved again, satisfied.</summary>
        Reopened,
    }

    /// <summary>Starts a private Azurite and the local host on it with short SLA windows, ready for <see cref="RunAsync"/>.</summary>
    public static async Task<SoakRun> StartAsync(SoakOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
#pragma warning disable CA2000 // the run owns the hosts and disposes them in DisposeAsync
        var hosts = await BenchHosts.StartAsync(
            services =>
            {
                services.AddSingleton(sp => new SoakMailbox(sp.GetRequiredService<TableOutbox>()));
                services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<SoakMailbox>());
            },
            settings:
            [
                $"--{DurableEngineOptions.Section}:HubName=Soak",
                $"--Sla:Targets:Urgent:FirstResponse={options.Window:c}",
                $"--Sla:Targets:Urgent:Resolution={options.Window * 6:c}",
                "--Sla:Targets:Urgent:AroundTheClock=true",
                "--Logging:LogLevel:DurableTask.AzureStorage=Error",
            ]);
#pragma warning restore CA2000
        return new SoakRun(hosts, options);
    }

    public async Task<SoakReport> RunAsync(Action<SoakSample>? onSample = null, CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var mailbox = _hosts.Host.Services.GetRequiredService<SoakMailbox>();
        var pump = _hosts.Host.Services.GetRequiredService<DeliveryPump>();
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() => ReadMailAsync(mailbox, reading.Token), CancellationToken.None)).ToArray();

        var samples = new List<SoakSample>();
        var clock = Stopwatch.StartNew();
        var intake = Task.Run(() => FileAsync(clock, stop.Token), CancellationToken.None);
        var process = Process.GetCurrentProcess();
        var lastRequests = Interlocked.Read(ref _storageRequestCount);
        var lastAzurite = ProcessTreeCpu.Of(_hosts.Azurite.ProcessId);
        var lastAt = clock.Elapsed;
        while (clock.Elapsed < _options.Duration)
        {
            var next = lastAt + _options.Sample;
            var wait = (next < _options.Duration ? next : _options.Duration) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            var at = clock.Elapsed;
            var seconds = (at - lastAt).TotalSeconds;
            var requests = Interlocked.Read(ref _storageRequestCount);
            var azurite = ProcessTreeCpu.Of(_hosts.Azurite.ProcessId);
            if (_options.CollectBeforeSample)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
            }

            process.Refresh();
            var (intakeMs, actionMs) = (TakeAll(_intakeLatency), TakeAll(_actionLatency));
            var sample = new SoakSample(
                at.TotalMinutes,
                process.WorkingSet64 / 1048576.0,
                GC.GetTotalMemory(forceFullCollection: false) / 1048576.0,
                process.HandleCount,
                process.Threads.Count,
                (requests - lastRequests) / seconds,
                (azurite - lastAzurite).TotalSeconds / seconds * 100,
                Percentile(intakeMs, 50),
                Percentile(intakeMs, 99),
                Percentile(actionMs, 50),
                Percentile(actionMs, 99),
                _complaints.Count,
                _closed.Count,
                pump.Waiting,
                Volatile.Read(ref _failureCount));
            samples.Add(sample);
            onSample?.Invoke(sample);
            (lastAt, lastRequests, lastAzurite) = (at, requests, azurite);
        }

        await stop.CancelAsync(); // intake stops; the people keep reading their mail until everything is closed
        await intake;
        var drain = Stopwatch.StartNew();
        while (_closed.Count < _complaints.Count && drain.Elapsed < _options.Drain)
        {
            await Task.Delay(250, cancellationToken);
        }

        drain.Stop();
        await reading.CancelAsync();
        await Task.WhenAll(readers);
        return new SoakReport(samples, [.. _failures.Take(20)], Volatile.Read(ref _failureCount), _complaints.Count, _closed.Count, drain.Elapsed,
            _emails.ToDictionary(e => e.Key, e => e.Value));
    }

    public async ValueTask DisposeAsync()
    {
        _storageRequests.Dispose();
        _http.Dispose();
        await _hosts.DisposeAsync();
    }

    private async Task FileAsync(Stopwatch clock, CancellationToken stop)
    {
        var interval = TimeSpan.FromSeconds(1 / _options.RatePerSecond);
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var due = interval * n;
            if (due > clock.Elapsed)
            {
                try
                {
                    await Task.Delay(due - clock.Elapsed, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            await FileOneAsync(n);
        }
    }

    private async Task FileOneAsync(int n)
    {
        var externalId = string.Create(CultureInfo.InvariantCulture, $"soak-{n}");
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            externalId,
            channel = "app-feedback",
            customer = new { id = $"u-soak-{n}", name = "Tom Baker", email = $"customer{n}@example.com", phone = "+8613800000000" },
            subject = "App crashes at checkout",
            description = $"The app crashes every time I press Pay ({Words(n)}). I was charged twice.",
            orderId = $"order-{n}",
            locale = n % 2 == 0 ? "en-US" : "zh-CN",
        });
        var id = $"msg_soak_{n}";
        var at = DateTimeOffset.UtcNow;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(WebhookHeaders.Id, id);
        request.Headers.Add(WebhookHeaders.Timestamp, at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookHeaders.Signature, _signer.Sign(id, at, body));
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.SendAsync(request);
            _intakeLatency.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                Fail($"intake {externalId}: {(int)response.StatusCode} {text}");
                return;
            }

            var complaintId = JsonDocument.Parse(text).RootElement.GetProperty("complaintId").GetString()!;
            _complaints[complaintId] = (Scenario)(n % 3);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Fail($"intake {externalId}: {e.GetType().Name}");
        }
    }

    private async Task ReadMailAsync(SoakMailbox mailbox, CancellationToken stop)
    {
        try
        {
            await foreach (var email in mailbox.Received.ReadAllAsync(stop))
            {
                _emails.AddOrUpdate(email.Kind, 1, (_, n) => n + 1);
                try
                {
                    await ActOnAsync(email);
                }
#pragma warning disable CA1031 // a soak counts every failure and goes on
                catch (Exception e)
#pragma warning restore CA1031
                {
                    Fail($"{email.Kind} for {email.ComplaintId}: {e.GetType().Name}: {e.Message}");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    /// <summary>What the person this email went to does with it.</summary>
    private async Task ActOnAsync(EmailMessage email)
    {
        if (email.ComplaintId is not { } id)
        {
            return;
        }

        if (email.Kind == EmailKind.Closure)
        {
            _closed.TryAdd(id, 0);
            return;
        }

        var scenario = await ScenarioOfAsync(id);
        var links = LinkPattern().Matches(email.TextBody).Select(m => new Uri(m.Value)).ToList();
        switch (email.Kind)
        {
            // The agent answers the assignment (round 1 unless this complaint waits for its escalation; every later round).
            case EmailKind.AgentAssignment when scenario != Scenario.Escalated || !IsFirstRound(email):
            case EmailKind.Escalation when scenario == Scenario.Escalated && links.Count > 0:
                await Task.Delay(TimeSpan.FromSeconds(1));
                await SubmitAsync(links.Single(), new() { ["choice"] = "resolve", ["text"] = "Fixed in 5.2.2; the double charge is refunded.", ["compensation"] = "refund" });
                break;
            case EmailKind.Outcome:
                await Task.Delay(TimeSpan.FromSeconds(1));
                var satisfied = scenario != Scenario.Reopened || !IsFirstRound(email);
                var choice = satisfied ? "satisfied" : "not-satisfied";
                var link = links.First(l => l.Query.Contains("choice=" + choice, StringComparison.Ordinal));
                await SubmitAsync(link, satisfied
                    ? new() { ["choice"] = choice, ["rating"] = "5", ["comment"] = "Works now." }
                    : new() { ["choice"] = choice, ["comment"] = "It still crashes." });
                break;
        }
    }

    private async Task<Scenario> ScenarioOfAsync(string complaintId)
    {
        // The first email can race the 202's reading by a moment.
        for (var tries = 0; tries < 100; tries++)
        {
            if (_complaints.TryGetValue(complaintId, out var scenario))
            {
                return scenario;
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"An email about {complaintId}, which intake never answered 202 for.");
    }

    private bool IsFirstRound(EmailMessage email) => _seen.AddOrUpdate((email.ComplaintId!, email.Kind), 1, (_, n) => n + 1) == 1;

    /// <summary>Opens the link's page and posts its form with the page's CSRF cookie and field, as a browser does.</summary>
    private async Task SubmitAsync(Uri link, Dictionary<string, string> fields)
    {
        using var page = await _http.GetAsync(link.PathAndQuery);
        var html = await page.Content.ReadAsStringAsync();
        if (page.StatusCode != HttpStatusCode.OK)
        {
            Fail($"GET {fields["choice"]} page: {(int)page.StatusCode}");
            return;
        }

        fields["csrf"] = WebUtility.HtmlDecode(CsrfPattern().Match(html).Groups[1].Value);
        var cookie = page.Headers.TryGetValues("Set-Cookie", out var set) ? set.First().Split(';')[0] : string.Empty;
        using var post = new HttpRequestMessage(HttpMethod.Post, link.AbsolutePath) { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", cookie);
        var started = Stopwatch.GetTimestamp();
        using var answer = await _http.SendAsync(post);
        _actionLatency.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (answer.StatusCode != HttpStatusCode.OK)
        {
            Fail($"POST {fields["choice"]}: {(int)answer.StatusCode}");
        }
    }

    private void Fail(string what)
    {
        Interlocked.Increment(ref _failureCount);
        _failures.Enqueue(what);
    }

    private static List<double> TakeAll(ConcurrentBag<double> bag)
    {
        var all = new List<double>();
        while (bag.TryTake(out var value))
        {
            all.Add(value);
        }

        all.Sort();
        return all;
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : Percentiles.Of(sorted, p);

    /// <summary>A different text per complaint, so the same-text abuse check sees different customers' own words.</summary>
    private static string Words(int i) => string.Concat(i.ToString("D6", CultureInfo.InvariantCulture).Select(d => (char)('a' + d - '0')));

    [GeneratedRegex(@"https?://[^\s""<>]+/api/actions/[A-Za-z0-9_\-\.~]+(\?choice=[a-z\-]+)?")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("name=\"csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfPattern();
}
