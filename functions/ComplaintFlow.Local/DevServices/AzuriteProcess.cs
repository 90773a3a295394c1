using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ComplaintFlow.Local.DevServices;

/// <summary>
/// A real Azurite (Blob, Queue, Table) started from the repository's pinned npm package on free loopback ports,
/// always with <c>--disableTelemetry</c>, and stopped on dispose.
/// </summary>
public sealed partial class AzuriteProcess : IAsyncDisposable
{
    // Azurite's well-known development account; public by design, never a real secret.
    private const string DevAccount = "devstoreaccount1";
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;

    private AzuriteProcess(Process process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
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

    /// <summary>A storage connection string for this Azurite.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// Starts Azurite. With <paramref name="location"/> the data is kept in that folder (and survives a restart);
    /// without it the data lives in memory and is gone when Azurite stops.
    /// </summary>
    public static async Task<AzuriteProcess> StartAsync(string? location = null, CancellationToken cancellationToken = default)
    {
        var script = await NodeTools.ResolveScriptAsync("azurite", Path.Combine("dist", "src", "azurite.js"), cancellationToken);
        var arguments = new List<string>
        {
            "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--loose",
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", "0", "--queuePort", "0", "--tablePort", "0",
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

        return new AzuriteProcess(process, ports["Blob"], ports["Queue"], ports["Table"]);
    }

    public async ValueTask DisposeAsync()
    {
        await NodeTools.StopAsync(_process);
        _process.Dispose();
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at https?://[^:]+:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
