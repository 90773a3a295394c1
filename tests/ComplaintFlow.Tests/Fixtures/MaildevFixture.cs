using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ComplaintFlow.Local.DevServices;

namespace ComplaintFlow.Tests.Fixtures;

/// <summary>
/// A real maildev (the repository's pinned npm package) on free loopback ports, its mail kept in a temporary
/// folder, stopped and cleaned up on dispose. Use it as a class fixture: <c>IClassFixture&lt;MaildevFixture&gt;</c>.
/// Tests read what arrived through maildev's REST API (<c>GET /api/email</c>), as a person reads an inbox.
/// </summary>
public sealed class MaildevFixture : IAsyncLifetime
{
    private const int StartAttempts = 3;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan MailWaitTimeout = TimeSpan.FromSeconds(15);

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private Process? _process;
    private string? _mailDirectory;
    private Uri? _webUrl;

    /// <summary>Where to send mail: host <c>127.0.0.1</c>, this port, no TLS, no authentication.</summary>
    public int SmtpPort { get; private set; }

    /// <summary>maildev's web UI and REST API, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri WebUrl => _webUrl ?? throw new InvalidOperationException("maildev is not running.");

    private static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web);

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var script = await NodeTools.ResolveScriptAsync("maildev", Path.Combine("dist", "bin", "maildev.js"), ct);
        _mailDirectory = Path.Combine(Path.GetTempPath(), "complaintflow-maildev-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_mailDirectory);

        var failures = new StringBuilder();
        for (var attempt = 1; attempt <= StartAttempts; attempt++)
        {
            // Free ports found by binding port 0 and letting go: another process could take one in between,
            // in which case maildev exits and the next attempt picks new ports.
            var smtpPort = LoopbackPort.Free();
            var webPort = LoopbackPort.Free();
            var output = new StringBuilder();
            var process = NodeTools.StartNodeScript(script,
            [
                "--smtp", Port(smtpPort), "--ip", "127.0.0.1",
                "--web", Port(webPort), "--web-ip", "127.0.0.1",
                "--mail-directory", _mailDirectory,
            ]);
            process.OutputDataReceived += (_, e) => Append(output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(output, e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            _webUrl = new Uri($"http://127.0.0.1:{Port(webPort)}/");
            if (await WaitUntilAnsweringAsync(process, ct))
            {
                _process = process;
                SmtpPort = smtpPort;
                return;
            }

            await NodeTools.StopAsync(process);
            process.Dispose();
            lock (output)
            {
                failures.Append(CultureInfo.InvariantCulture, $"attempt {attempt} (smtp {smtpPort}, web {webPort}):\n{output}\n");
            }
        }

        _webUrl = null;
        throw new InvalidOperationException($"maildev did not start after {StartAttempts} attempts:\n{failures}");
    }

    /// <summary>Every email maildev has received, oldest first.</summary>
    public async Task<IReadOnlyList<ReceivedEmail>> GetEmailsAsync(CancellationToken ct)
    {
        var emails = await _http.GetFromJsonAsync<List<ReceivedEmail>>(new Uri(WebUrl, "api/email"), JsonOptions, ct);
        return emails ?? [];
    }

    /// <summary>The first received email that matches, waiting (a bounded while) for it to arrive.</summary>
    public async Task<ReceivedEmail> WaitForEmailAsync(Func<ReceivedEmail, bool> match, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(match);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(MailWaitTimeout);
        IReadOnlyList<ReceivedEmail> seen = [];
        try
        {
            while (true)
            {
                seen = await GetEmailsAsync(timeout.Token);
                if (seen.FirstOrDefault(match) is { } found)
                {
                    return found;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"No matching email arrived in maildev within {MailWaitTimeout.TotalSeconds:0} s; it holds {seen.Count}: " +
                string.Join(" | ", seen.Select(e => e.Subject)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await NodeTools.StopAsync(_process);
            _process.Dispose();
        }

        _http.Dispose();
        if (_mailDirectory is not null && Directory.Exists(_mailDirectory))
        {
            Directory.Delete(_mailDirectory, recursive: true);
        }
    }

    private async Task<bool> WaitUntilAnsweringAsync(Process process, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                return false;
            }

            try
            {
                using var response = await _http.GetAsync(new Uri(WebUrl, "api/healthz"), ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }

        return false;
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    /// <summary>One email as maildev's <c>GET /api/email</c> reports it.</summary>
    public sealed record ReceivedEmail
    {
        public string Id { get; init; } = string.Empty;

        public string? Subject { get; init; }

        public string? Html { get; init; }

        public string? Text { get; init; }

        public IReadOnlyList<Mailbox> From { get; init; } = [];

        public IReadOnlyList<Mailbox> To { get; init; } = [];

        /// <summary>Header names in lower case; a value is a string, or an array for repeated headers.</summary>
        public IReadOnlyDictionary<string, JsonElement> Headers { get; init; } = new Dictionary<string, JsonElement>();

        /// <summary>A header's value (the first, if repeated); null when absent.</summary>
        public string? Header(string name) =>
            Headers.TryGetValue(name.ToLowerInvariant(), out var value)
                ? value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.ToString()).FirstOrDefault() : value.ToString()
                : null;
    }

    public sealed record Mailbox(string Address, string? Name);
}
