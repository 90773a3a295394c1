using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Intake;

namespace ComplaintFlow.Tests.Builders;

/// <summary>Domain complaints for store and workflow tests: <c>ComplaintBuilder.Chinese().ReceivedAt(t).Build()</c>.</summary>
public sealed class ComplaintBuilder
{
    private string _customerId = "u-1001";
    private string? _name = "李雷";
    private string? _email = "lilei@example.com";
    private Locale _locale = Locale.Zh;
    private string? _subject = "骑手态度恶劣 😡";
    private string _description = "订单 123 配送超时两个小时，骑手还辱骂我。😡 请尽快处理！";
    private string? _externalId = "fb-20261122-0001";
    private string? _orderId = "123";
    private DateTimeOffset _receivedAt = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);
    private Dictionary<string, string> _metadata = new(StringComparer.Ordinal) { ["appVersion"] = "5.2.1", ["os"] = "Android 15", ["device"] = "小米 14" };

    public static ComplaintBuilder Chinese() => new();

    public static ComplaintBuilder English() => new ComplaintBuilder
    {
        _name = "Tom Baker",
        _email = "tom@example.com",
        _locale = Locale.En,
        _subject = "App crashes at checkout",
        _description = "The app crashes every time I press Pay. I was charged twice.",
        _metadata = new(StringComparer.Ordinal) { ["appVersion"] = "5.2.1" },
    };

    public ComplaintBuilder ReceivedAt(DateTimeOffset at)
    {
        _receivedAt = at;
        return this;
    }

    public ComplaintBuilder ForCustomer(string customerId)
    {
        _customerId = customerId;
        return this;
    }

    public ComplaintBuilder WithDescription(string description)
    {
        _description = description;
        return this;
    }

    public ComplaintBuilder WithExternalId(string? externalId)
    {
        _externalId = externalId;
        return this;
    }

    public ComplaintBuilder WithSubject(string? subject)
    {
        _subject = subject;
        return this;
    }

    public ComplaintBuilder WithOrderId(string? orderId)
    {
        _orderId = orderId;
        return this;
    }

    public ComplaintSubmission Submission() => new(
        _externalId,
        Channel.AppFeedback,
        new Customer(_customerId, _name, _email, "+8613800000000", _locale),
        _subject,
        _description,
        _orderId,
        _metadata,
        null);

    public Complaint Build() => Complaint.Receive(ComplaintId.New(_receivedAt), Submission(), _receivedAt);
}
