using System.Globalization;
using System.Text;

namespace ComplaintFlow.Tests.Builders;

/// <summary>
/// Intake bodies as an app team sends them (the wire JSON of docs/webhook.md), valid unless a test says otherwise:
/// <c>SubmissionBuilder.Valid().InChinese().WithDescription("…").ToJson()</c>.
/// </summary>
public sealed class SubmissionBuilder
{
    private readonly List<(string Name, string RawJson)> _extraTopLevel = [];
    private readonly List<(string Name, string RawJson)> _extraCustomer = [];
    private readonly List<(string Key, string? Value)> _metadata = [];
    private readonly HashSet<string> _omitted = new(StringComparer.Ordinal);
    private string? _externalId = "fb-20261122-0001";
    private string? _channel = "app-feedback";
    private string? _customerId = "u-1001";
    private string? _name = "Li Lei";
    private string? _email = "lilei@example.com";
    private string? _phone = "+8613800000000";
    private string? _customerLocale;
    private string? _subject = "Rider was rude";
    private string? _description = "Order 123 arrived two hours late and the rider shouted at me.";
    private string? _orderId = "123";
    private string? _locale = "en-US";
    private string? _severityHint;
    private bool _escapeNonAscii;

    private SubmissionBuilder()
    {
    }

    /// <summary>A complete, valid English submission.</summary>
    public static SubmissionBuilder Valid() => new();

    /// <summary>Only what is required: channel, customer id and email, description.</summary>
    public static SubmissionBuilder Minimal() => new SubmissionBuilder()
        .WithoutField("externalId").WithoutField("subject").WithoutField("orderId").WithoutField("locale")
        .WithName(null).WithPhone(null);

    /// <summary>The Chinese example of DESIGN §5.</summary>
    public SubmissionBuilder InChinese()
    {
        _name = "李雷";
        _subject = "骑手态度恶劣";
        _description = "订单 123 配送超时两个小时，骑手还辱骂我。";
        _locale = "zh-CN";
        return this;
    }

    public SubmissionBuilder InEnglish()
    {
        _name = "Li Lei";
        _subject = "Rider was rude";
        _description = "Order 123 arrived two hours late and the rider shouted at me.";
        _locale = "en-US";
        return this;
    }

    public SubmissionBuilder WithExternalId(string? value) => Set(() => _externalId = value);

    public SubmissionBuilder WithChannel(string? value) => Set(() => _channel = value);

    public SubmissionBuilder WithCustomerId(string? value) => Set(() => _customerId = value);

    public SubmissionBuilder WithName(string? value) => Set(() => _name = value);

    public SubmissionBuilder WithEmail(string? value) => Set(() => _email = value);

    public SubmissionBuilder WithPhone(string? value) => Set(() => _phone = value);

    public SubmissionBuilder WithCustomerLocale(string? value) => Set(() => _customerLocale = value);

    public SubmissionBuilder WithSubject(string? value) => Set(() => _subject = value);

    public SubmissionBuilder WithDescription(string? value) => Set(() => _description = value);

    public SubmissionBuilder WithOrderId(string? value) => Set(() => _orderId = value);

    public SubmissionBuilder WithLocale(string? value) => Set(() => _locale = value);

    public SubmissionBuilder WithSeverityHint(string? value) => Set(() => _severityHint = value);

    /// <summary>Adds a metadata entry (<c>null</c> sends a JSON null); entries keep their order, duplicates included.</summary>
    public SubmissionBuilder WithMetadata(string key, string? value) => Set(() => _metadata.Add((key, value)));

    /// <summary>Leaves a top-level property (or <c>customer</c>) out of the body altogether.</summary>
    public SubmissionBuilder WithoutField(string field) => Set(() => _omitted.Add(field));

    /// <summary>Adds a top-level property with raw JSON as its value, after the others (e.g. a second <c>description</c>, or a number).</summary>
    public SubmissionBuilder WithRawField(string field, string rawJson) => Set(() => _extraTopLevel.Add((field, rawJson)));

    /// <summary>Adds a property with raw JSON as its value to <c>customer</c>, after the others.</summary>
    public SubmissionBuilder WithRawCustomerField(string field, string rawJson) => Set(() => _extraCustomer.Add((field, rawJson)));

    /// <summary>Writes every non-ASCII character as a <c>\uXXXX</c> escape, as some JSON libraries do by default.</summary>
    public SubmissionBuilder EscapingNonAscii() => Set(() => _escapeNonAscii = true);

    /// <summary>The body as text: compact JSON with non-ASCII characters (Chinese, emoji) written as they are unless escaped.</summary>
    public string ToJson()
    {
        var customer = _omitted.Contains("customer")
            ? null
            : JsonObject(
                [.. Field("id", _customerId), .. Field("name", _name), .. Field("email", _email), .. Field("phone", _phone), .. Field("locale", _customerLocale),
                 .. _extraCustomer.Select(f => Member(f.Name, f.RawJson))]);
        var meta = _metadata.Count == 0 ? null : JsonObject([.. _metadata.Select(m => Member(m.Key, m.Value is null ? "null" : Quote(m.Value)))]);

        return JsonObject(
            [.. Field("externalId", _externalId), .. Field("channel", _channel),
             .. (customer is null ? [] : new[] { Member("customer", customer) }),
             .. Field("subject", _subject), .. Field("description", _description), .. Field("orderId", _orderId), .. Field("locale", _locale),
             .. Field("severityHint", _severityHint),
             .. (meta is null ? [] : new[] { Member("metadata", meta) }),
             .. _extraTopLevel.Select(f => Member(f.Name, f.RawJson))]);
    }

    /// <summary>The body as sent: the UTF-8 bytes of <see cref="ToJson"/>.</summary>
    public byte[] ToBytes() => Encoding.UTF8.GetBytes(ToJson());

    private IEnumerable<string> Field(string field, string? value) =>
        value is null || _omitted.Contains(field) ? [] : [Member(field, Quote(value))];

    private string Member(string field, string rawJson) => Quote(field) + ":" + rawJson;

    private static string JsonObject(IEnumerable<string> members) => "{" + string.Join(",", members) + "}";

    // A JSON string literal: quotes, backslashes and control characters escaped; anything else as is, or as \uXXXX
    // UTF-16 escapes (surrogate pairs for emoji) when escaping non-ASCII.
    private string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                _ when c < ' ' || (_escapeNonAscii && c > '~') => builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }

    private SubmissionBuilder Set(Action change)
    {
        change();
        return this;
    }
}
