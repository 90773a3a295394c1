using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Intake;
using ComplaintFlow.Tests.Builders;

namespace ComplaintFlow.Tests.Intake;

/// <summary>docs/webhook.md stays true: its example bodies are accepted and its error examples are what the parser says.</summary>
public sealed class WebhookDocsTests
{
    private static readonly JsonSerializerOptions AsWritten = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task Both_example_bodies_are_valid_and_read_as_documented()
    {
        var examples = FencedBlocks(Section(await DocsAsync(), "Examples"), "json");
        Assert.Equal(2, examples.Count);

        var chinese = Valid(examples[0]);
        Assert.Equal(Locale.Zh, chinese.Customer.Locale);
        Assert.Equal("+8613800000000", chinese.Customer.Phone);
        Assert.Contains("😡\n", chinese.Description, StringComparison.Ordinal);
        Assert.Equal(Severity.High, chinese.SeverityHint);

        var english = Valid(examples[1]);
        Assert.Equal(Locale.En, english.Customer.Locale);
        Assert.Equal(Channel.Web, english.Channel);
        Assert.Contains("£23.40", english.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Smallest_documented_body_is_valid_and_inferred_as_Chinese()
    {
        var docs = Section(await DocsAsync(), "Examples");
        var start = docs.IndexOf("The smallest valid body: `", StringComparison.Ordinal) + "The smallest valid body: `".Length;
        var body = docs[start..docs.IndexOf('`', start)];

        Assert.Equal(Locale.Zh, Valid(body).Customer.Locale);
    }

    [Fact]
    public async Task Documented_invalid_fields_example_matches_what_the_parser_says()
    {
        var docs = await DocsAsync();
        var result = SubmissionParser.Parse(SubmissionBuilder.Valid().WithDescription("  ").WithEmail("not-an-email").ToBytes());

        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Contains(
            $"{{ \"field\": \"{e.Field}\", \"message\": {JsonSerializer.Serialize(e.Message, AsWritten)} }}",
            docs,
            StringComparison.Ordinal));
    }

    [Fact]
    public async Task Documented_malformed_body_example_matches_what_the_parser_says()
    {
        var docs = await DocsAsync();
        var result = SubmissionParser.Parse("{\"description\": "u8.ToArray());

        Assert.Contains($"\"message\": {JsonSerializer.Serialize(Assert.Single(result.Errors).Message, AsWritten)}", docs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_utf8_is_the_documented_400_malformed_body()
    {
        var row = (await DocsAsync()).Split('\n').Single(l => l.StartsWith("| 400 | `urn:complaintflow:problem:malformed-body`", StringComparison.Ordinal));
        byte[] gbk = [.. "{\"description\": \""u8, 0xC6, 0xEF, .. "\"}"u8];

        Assert.Contains("not UTF-8 JSON", row, StringComparison.Ordinal);
        Assert.Equal(SubmissionFailure.MalformedBody, SubmissionParser.Parse(gbk).Failure);
    }

    [Theory]
    [InlineData("channel", "fax", "channel")]
    [InlineData("severityHint", "critical", "severityHint")]
    [InlineData("locale", "fr-FR", "locale")]
    public void Documented_field_messages_are_the_real_ones(string field, string value, string errorField)
    {
        var builder = field switch
        {
            "channel" => SubmissionBuilder.Valid().WithChannel(value),
            "severityHint" => SubmissionBuilder.Valid().WithSeverityHint(value),
            _ => SubmissionBuilder.Valid().WithLocale(value),
        };
        var message = Assert.Single(SubmissionParser.Parse(builder.ToBytes()).Errors, e => e.Field == errorField).Message;

        Assert.Contains($"| `{errorField}` | `{message}` |", File.ReadAllText(DocsPath()), StringComparison.Ordinal);
    }

    private static ComplaintSubmission Valid(string json)
    {
        var result = SubmissionParser.Parse(Encoding.UTF8.GetBytes(json));
        Assert.True(result.IsValid, string.Join(" | ", result.Errors));
        return result.Submission;
    }

    private static Task<string> DocsAsync() => File.ReadAllTextAsync(DocsPath(), TestContext.Current.CancellationToken);

    private static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf($"\n## {heading}\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/webhook.md has no '## {heading}' section.");
        var end = markdown.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return end < 0 ? markdown[start..] : markdown[start..end];
    }

    private static List<string> FencedBlocks(string markdown, string language)
    {
        var blocks = new List<string>();
        var fence = "```" + language + "\n";
        for (var start = markdown.IndexOf(fence, StringComparison.Ordinal); start >= 0; start = markdown.IndexOf(fence, start, StringComparison.Ordinal))
        {
            start += fence.Length;
            var end = markdown.IndexOf("\n```", start, StringComparison.Ordinal);
            blocks.Add(markdown[start..end]);
            start = end;
        }

        return blocks;
    }

    private static string DocsPath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ComplaintFlow.sln")))
            {
                return Path.Combine(directory.FullName, "docs", "webhook.md");
            }
        }

        throw new InvalidOperationException("ComplaintFlow.sln not found above " + AppContext.BaseDirectory);
    }
}
