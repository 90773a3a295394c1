using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ComplaintFlow.Infrastructure.Webhooks;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintFlow.Tests.Webhooks;

/// <summary>The examples in docs/webhook.md#signing-requests sign deliveries our verifier accepts.</summary>
public sealed class SigningDocsTests
{
    private static readonly byte[] Complaint =
        "{\"externalId\":\"fb-20261122-0001\",\"channel\":\"app-feedback\",\"description\":\"订单 123 配送超时两个小时。\"}\n"u8.ToArray();

    [Fact]
    public async Task Bash_snippet_in_the_docs_sends_headers_the_verifier_accepts()
    {
        var ct = TestContext.Current.CancellationToken;
        if (FindOnPath("bash") is null || FindOnPath("openssl") is null || FindOnPath("od") is null)
        {
            Assert.Skip("bash, openssl and od are needed to run the docs' bash snippet.");
        }

        var snippet = FencedBlock(SigningSection(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "webhook.md"), ct)), "bash");
        var work = Directory.CreateTempSubdirectory("complaintflow-signing-");
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(work.FullName, "complaint.json"), Complaint, ct);
            // A curl function stands in for the network: it writes down the arguments the snippet passes.
            var script = "set -euo pipefail\ncurl() { printf '%s\\n' \"$@\" > curl-args.txt; }\n" + snippet;
            var start = new ProcessStartInfo("bash") { WorkingDirectory = work.FullName, RedirectStandardError = true };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(script);
            start.Environment["WEBHOOK_SECRET"] = TestSecrets.Current;
            start.Environment["COMPLAINTFLOW_URL"] = "http://complaints.example.test";
            using var bash = Process.Start(start)!;
            var errors = await bash.StandardError.ReadToEndAsync(ct);
            await bash.WaitForExitAsync(ct);
            Assert.True(bash.ExitCode == 0, errors);

            var arguments = await File.ReadAllLinesAsync(Path.Combine(work.FullName, "curl-args.txt"), ct);
            var headers = arguments.Zip(arguments.Skip(1))
                .Where(pair => pair.First == "-H")
                .Select(pair => pair.Second.Split(": ", 2))
                .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.OrdinalIgnoreCase);
            Assert.Contains("http://complaints.example.test/api/complaints", arguments);
            Assert.Contains("@complaint.json", arguments);

            var sentAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(headers[WebhookHeaders.Timestamp], CultureInfo.InvariantCulture));
            var verifier = new WebhookVerifier(TestSecrets.Options(TestSecrets.Current), new FakeTimeProvider(sentAt.AddSeconds(2)));
            var result = verifier.Verify(headers[WebhookHeaders.Id], headers[WebhookHeaders.Timestamp], headers[WebhookHeaders.Signature], Complaint);
            Assert.True(result.IsValid, result.Detail);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public void CSharp_snippet_in_the_docs_signs_what_the_verifier_accepts()
    {
        var now = new DateTimeOffset(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

        var (id, timestamp, signature) = SignWebhook(TestSecrets.Current, Complaint, now);

        var verifier = new WebhookVerifier(TestSecrets.Options(TestSecrets.Current), new FakeTimeProvider(now));
        Assert.True(verifier.Verify(id, timestamp, signature, Complaint).IsValid);

        // Kept identical to the C# block in docs/webhook.md#signing-requests.
        static (string Id, string Timestamp, string Signature) SignWebhook(string secret, byte[] body, DateTimeOffset now)
        {
            var key = Convert.FromBase64String(secret["whsec_".Length..]);
            var id = "msg_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
            var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            byte[] signed = [.. Encoding.UTF8.GetBytes($"{id}.{timestamp}."), .. body];
            var signature = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
            return (id, timestamp, signature);
        }
    }

    [Fact]
    public async Task CSharp_snippet_in_the_docs_is_the_one_this_test_runs()
    {
        var docs = SigningSection(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "webhook.md"), TestContext.Current.CancellationToken));
        var thisFile = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "tests", "ComplaintFlow.Tests", "Webhooks", "SigningDocsTests.cs"), TestContext.Current.CancellationToken);
        var documented = FencedBlock(docs, "csharp").Split('\n').SkipWhile(line => line.StartsWith("using", StringComparison.Ordinal) || line.Length == 0);

        Assert.All(documented, line => Assert.Contains(line.Trim(), thisFile, StringComparison.Ordinal));
    }

    // The "Signing requests" section of docs/webhook.md, up to the next level-2 heading.
    private static string SigningSection(string markdown)
    {
        var start = markdown.IndexOf("\n## Signing requests\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/webhook.md has no '## Signing requests' section.");
        var end = markdown.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return end < 0 ? markdown[start..] : markdown[start..end];
    }

    private static string FencedBlock(string markdown, string language)
    {
        var start = markdown.IndexOf("```" + language + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/webhook.md#signing-requests has no ```{language} block.");
        start += language.Length + 4;
        var end = markdown.IndexOf("\n```", start, StringComparison.Ordinal);
        return markdown[start..end] + "\n";
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ComplaintFlow.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ComplaintFlow.sln not found above " + AppContext.BaseDirectory);
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
