using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ComplaintFlow.Local.DevServices;

/// <summary>
/// A real Azurite (Blob, Queue, Table) started from the repository's pinned npm package on free loopback ports,
/// always with <c>--disableTelemetry</c>, and stopped on dispose. One that keeps data in a folder can be started to
/// outlive the process that started it (<see cref="StartOrReuseAsync"/>): a crashed host then leaves its storage
/// running, with everything it had accepted, and the next start reuses it.
/// </summary>
public sealed partial class AzuriteProcess : IAsyncDisposable
{
    // Azurite's well-known development account; public by design, never a real secret.
    private const string DevAccount = "devstoreaccount1";
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const string StateFile = "azurite-host.json";

    private readonly Process? _process;
    private readonly int _detachedPid;
    private bool _stopped;

    private AzuriteProcess(Process? process, int blobPort, int queuePort, int tablePort, int detachedPid = 0)
    {
        _process = process;
        _detachedPid = detachedPid;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName={DevAccount};AccountKey={DevKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/{DevAccount};" +
            $"QueueEndpoint=http://127.0.0.1:{queuePort}/{DevAccount};" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/{DevAccount};";
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    /// <summary>
    /// The process started or found: the Node.js watchdog whose child runs Azurite (for a benchmark that measures the CPU
    /// the whole tree uses).
    /// </summary>
    public int ProcessId => _process?.Id ?? _detachedPid;

    /// <summary>A storage connection string for this Azurite.</summary>
    public string ConnectionString { get; }

    /// <summary>True when this start found the Azurite an earlier process left running over the same folder.</summary>
    public bool Reused { get; private init; }

    /// <summary>
    /// Azurite over <paramref name="location"/> that outlives this process if it dies: it is stopped by
    /// <see cref="DisposeAsync"/> (a clean exit), but a crash or <c>kill -9</c> leaves it running with all it holds, and
    /// the next call over the same folder finds it (the folder's <c>azurite-host.json</c> names its process and ports)
    /// and reuses it. Its output goes to <c>azurite.log</c> in the folder.
    /// </summary>
    public static async Task<AzuriteProcess> StartOrReuseAsync(string location, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        Directory.CreateDirectory(location);
        var statePath = Path.Combine(location, StateFile);
        if (await FindRunningAsync(statePath, cancellationToken) is { } running)
        {
            return running;
        }

        var script = await NodeTools.ResolveScriptAsync("azurite", Path.Combine("dist", "src", "azurite.js"), cancellationToken);
        int blob = LoopbackPort.Free(), queue = LoopbackPort.Free(), table = LoopbackPort.Free();
        var process = NodeTools.StartDetachedNodeScript(script, Path.Combine(location, "azurite.log"),
        [
            "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--loose",
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", Invariant(blob), "--queuePort", Invariant(queue), "--tablePort", Invariant(table),
            "--location", location,
        ]);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            while (!(await ListensAsync(blob) && await ListensAsync(queue) && await ListensAsync(table)))
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"Azurite did not start (exit {process.ExitCode}); see {Path.Combine(location, "azurite.log")}.");
                }

                await Task.Delay(100, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await NodeTools.StopAsync(process);
            process.Dispose();
            throw new InvalidOperationException($"Azurite did not start within 60 s; see {Path.Combine(location, "azurite.log")}.");
        }
        catch
        {
            await NodeTools.StopAsync(process);
            process.Dispose();
            throw;
        }

        await File.WriteAllTextAsync(statePath, JsonSerializer.Serialize(new RunningState(process.Id, blob, queue, table)), cancellationToken);
        return new AzuriteProcess(process, blob, queue, table);
    }

    /// <summary>The folder the data is kept in, or null when it lives in memory.</summary>
    public string? Location { get; private init; }

    /// <summary>
    /// Starts Azurite. With <paramref name="location"/> the data is kept in that folder (and survives a restart);
    /// without it the data lives in memory and is gone when Azurite stops.
    /// </summary>
    public static Task<AzuriteProcess> StartAsync(string? location = null, CancellationToken cancellationToken = default) =>
        StartOnAsync(location, 0, 0, 0, cancellationToken);

    /// <summary>
    /// Starts this Azurite again after it was stopped (<see cref="DisposeAsync"/>, a clean stop that writes its data
    /// out): the same ports and the same folder, so clients holding <see cref="ConnectionString"/> reach their data
    /// again, as after a storage outage. Only an Azurite that keeps its data in a folder can come back this way.
    /// </summary>
    public Task<AzuriteProcess> RestartAsync(CancellationToken cancellationToken = default)
    {
        if (Location is null)
        {
            throw new InvalidOperationException("An in-memory Azurite has nothing to come back to; start it with a location.");
        }

        if (!_stopped)
        {
            throw new InvalidOperationException("Stop this Azurite (DisposeAsync) before starting it again.");
        }

        return StartOnAsync(Location, BlobPort, QueuePort, TablePort, cancellationToken);
    }

    private static async Task<AzuriteProcess> StartOnAsync(string? location, int blobPort, int queuePort, int tablePort, CancellationToken cancellationToken)
    {
        var script = await NodeTools.ResolveScriptAsync("azurite", Path.Combine("dist", "src", "azurite.js"), cancellationToken);
        var arguments = new List<string>
        {
            "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--loose",
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", Invariant(blobPort), "--queuePort", Invariant(queuePort), "--tablePort", Invariant(tablePort),
        };
        if (location is null)
        {
            arguments.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(location);
            arguments.AddRange(["--location", location]);
        }

        var process = NodeTools.StartNodeScript(script, arguments);
        var ports = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var output = new StringBuilder();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
                var match = ListeningLine().Match(line);
                if (match.Success)
                {
                    ports[match.Groups["service"].Value] = int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
                    if (ports.Count == 3)
                    {
                        ready.TrySetResult();
                    }
                }
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var exited = process.WaitForExitAsync(timeout.Token);
        try
        {
            var first = await Task.WhenAny(ready.Task, exited, Task.Delay(Timeout.Infinite, timeout.Token));
            if (first != ready.Task)
            {
                throw new InvalidOperationException($"Azurite did not start{(process.HasExited ? $" (exit {process.ExitCode})" : " within 60 s")}:\n{output}");
            }
        }
        catch (Exception) when (!ready.Task.IsCompleted)
        {
            await NodeTools.StopAsync(process);
            process.Dispose();
            throw;
        }

        return new AzuriteProcess(process, ports["Blob"], ports["Queue"], ports["Table"]) { Location = location };
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null && !_stopped)
        {
            _stopped = true;
            await NodeTools.StopAsync(_process);
            _process.Dispose();
        }
        else if (_detachedPid != 0)
        {
            await NodeTools.TerminateAsync(_detachedPid);
        }
    }

    /// <summary>The Azurite named by the state file, if its process is alive and all three ports answer.</summary>
    private static async Task<AzuriteProcess?> FindRunningAsync(string statePath, CancellationToken cancellationToken)
    {
        if (!File.Exists(statePath))
        {
            return null;
        }

        RunningState? state;
        try
        {
            state = JsonSerializer.Deserialize<RunningState>(await File.ReadAllTextAsync(statePath, cancellationToken));
        }
        catch (JsonException)
        {
            return null;
        }

        if (state is null || !NodeTools.IsAlive(state.Pid) ||
            !(await ListensAsync(state.Blob) && await ListensAsync(state.Queue) && await ListensAsync(state.Table)))
        {
            File.Delete(statePath);
            return null;
        }

        return new AzuriteProcess(null, state.Blob, state.Queue, state.Table, state.Pid) { Reused = true };
    }

    private static async Task<bool> ListensAsync(int port)
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    private static string Invariant(int port) => port.ToString(CultureInfo.InvariantCulture);

    private sealed record RunningState(int Pid, int Blob, int Queue, int Table);

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at https?://[^:]+:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
