using System.Diagnostics;
using System.Text;
using Azure.Data.Tables;
using ComplaintFlow.Infrastructure.Email;
using ComplaintFlow.Infrastructure.Webhooks;
using ComplaintFlow.Local.DevServices;
using Microsoft.Extensions.Logging.Abstractions;

namespace ComplaintFlow.Tests.Fixtures;

/// <summary>
/// The local host as its own process (<c>dotnet ComplaintFlow.Local.dll</c>), as a user runs it, so a test can kill it
/// the hard way (<see cref="KillAsync"/>: SIGKILL, no disposal, no shutdown hooks) and start another over the same data.
/// </summary>
public sealed class HostProcess : ITestHost, IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _tablePrefix;
    private TableOutbox? _outbox;

    private HostProcess(Process process, Uri baseAddress, string tablePrefix)
    {
        _process = process;
        BaseAddress = baseAddress;
        _tablePrefix = tablePrefix;
    }

    public Uri BaseAddress { get; }

    public WebhookSigner Signer { get; } = new(WebhookOptions.DevelopmentSecret);

    /// <summary>The host's outbox table, once <see cref="UseStorage"/> said where it is.</summary>
    public IOutboxReader Outbox => _outbox ?? throw new InvalidOperationException("Call UseStorage first.");

    /// <summary>What the process printed, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the host over the tables of <paramref name="tablePrefix"/> and waits until it answers <c>/api/health</c>.</summary>
    public static async Task<HostProcess> StartAsync(string tablePrefix, IEnumerable<string> settings)
    {
        var port = LoopbackPort.Free();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ComplaintFlow.Local.dll"));
        foreach (var argument in new[] { "--environment", "Development", "--urls", baseAddress.AbsoluteUri.TrimEnd('/'), $"--Storage:TablePrefix={tablePrefix}" }.Concat(settings))
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the local host.");
#pragma warning disable CA2000 // returned to the caller, who disposes it; a failed start kills the process below
        var host = new HostProcess(process, baseAddress, tablePrefix);
#pragma warning restore CA2000
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await host.DisposeAsync();
                Assert.Fail($"The local host {(process.HasExited ? "exited at start" : "did not answer within 90 s")}:\n{host.Output}");
            }

            try
            {
                using var health = await client.GetAsync(new Uri("/api/health", UriKind.Relative), TestContext.Current.CancellationToken);
                if (health.IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Where the host's storage is, so the test can read its outbox.</summary>
    public void UseStorage(string connectionString) =>
        _outbox = new TableOutbox(new TableServiceClient(connectionString), _tablePrefix + "outbox", TimeProvider.System, NullLogger<TableOutbox>.Instance);

    /// <summary>A client like a browser's, without cookies kept between calls.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    /// <summary>SIGKILL: the process ends at once, whatever it was doing.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }

        await _process.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>A clean stop (SIGTERM, as Ctrl+C or a service manager would), waiting for the process to end.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            await NodeTools.TerminateAsync(_process.Id);
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
