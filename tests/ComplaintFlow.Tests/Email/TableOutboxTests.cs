using ComplaintFlow.Infrastructure.Email;
using ComplaintFlow.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintFlow.Tests.Email;

public sealed class TableOutboxTests(AzuriteFixture azurite)
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sent_email_is_stored_whole_and_found_by_its_id()
    {
        var outbox = NewOutbox();
        var message = EmailMessageBuilder.ChineseOutcome().Build();

        await outbox.SendAsync(message, _ct);
        var stored = await outbox.GetAsync(message.MessageId, _ct);

        Assert.NotNull(stored);
        Assert.Equal(message, stored.Message);
        Assert.Equal(_time.GetUtcNow(), stored.StoredAt);
        Assert.Contains("骑手态度恶劣", stored.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains(EmailMessageBuilder.ActionUrl, stored.Message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sending_the_same_message_id_twice_keeps_one_email()
    {
        var outbox = NewOutbox();
        var first = EmailMessageBuilder.ChineseOutcome().Build();
        var retry = first with { Subject = "a retry rendered later" };

        await outbox.SendAsync(first, _ct);
        _time.Advance(TimeSpan.FromMinutes(1));
        await outbox.SendAsync(retry, _ct);

        var all = await outbox.ListAsync(10, ct: _ct);
        var single = Assert.Single(all);
        Assert.Equal(first.Subject, single.Message.Subject);
        Assert.Single(await outbox.ListAsync(10, to: first.To, ct: _ct));
        Assert.Single(await outbox.ListAsync(10, complaintId: first.ComplaintId, ct: _ct));
    }

    [Fact]
    public async Task List_returns_the_newest_first_up_to_the_maximum()
    {
        var outbox = NewOutbox();
        foreach (var n in Enumerable.Range(1, 4))
        {
            await outbox.SendAsync(EmailMessageBuilder.ChineseOutcome().WithId($"m{n}").WithSubject($"mail {n}").Build(), _ct);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        var newest = await outbox.ListAsync(3, ct: _ct);

        Assert.Equal(["mail 4", "mail 3", "mail 2"], newest.Select(e => e.Message.Subject));
    }

    [Fact]
    public async Task List_filters_by_recipient_ignoring_case_and_by_complaint()
    {
        var outbox = NewOutbox();
        await outbox.SendAsync(EmailMessageBuilder.ChineseOutcome("C-202611-AAAAAAAAAA").WithId("a1").To("lilei@example.com").Build(), _ct);
        _time.Advance(TimeSpan.FromSeconds(1));
        await outbox.SendAsync(EmailMessageBuilder.ChineseOutcome("C-202611-AAAAAAAAAA").WithId("a2").To("agent.wang@example.com").Build(), _ct);
        _time.Advance(TimeSpan.FromSeconds(1));
        await outbox.SendAsync(EmailMessageBuilder.ChineseOutcome("C-202611-BBBBBBBBBB").WithId("b1").To("LiLei@Example.com").Build(), _ct);
        _time.Advance(TimeSpan.FromSeconds(1));
        await outbox.SendAsync(EmailMessageBuilder.ChineseOutcome().WithId("n1").To("lilei@example.com").WithoutComplaint().Build(), _ct);

        var toLiLei = await outbox.ListAsync(10, to: "LILEI@example.com", ct: _ct);
        var aboutA = await outbox.ListAsync(10, complaintId: "C-202611-AAAAAAAAAA", ct: _ct);
        var toLiLeiAboutA = await outbox.ListAsync(10, to: "lilei@example.com", complaintId: "C-202611-AAAAAAAAAA", ct: _ct);

        Assert.Equal(["n1", "b1", "a1"], toLiLei.Select(e => e.Message.MessageId));
        Assert.Equal(["a2", "a1"], aboutA.Select(e => e.Message.MessageId));
        Assert.Equal(["a1"], toLiLeiAboutA.Select(e => e.Message.MessageId));
    }

    [Fact]
    public async Task Unknown_message_id_is_not_found()
    {
        var outbox = NewOutbox();

        Assert.Null(await outbox.GetAsync("C-202611-XXXXXXXXXX.outcome.r9", _ct));
        Assert.Empty(await outbox.ListAsync(5, ct: _ct));
    }

    [Fact]
    public async Task Message_ids_and_addresses_with_key_unsafe_characters_round_trip()
    {
        var outbox = NewOutbox();
        var message = EmailMessageBuilder.ChineseOutcome().WithId("step/1#?|\\ 二").To("o'brien+complaints@example.com").Build();

        await outbox.SendAsync(message, _ct);

        Assert.Equal(message, (await outbox.GetAsync(message.MessageId, _ct))?.Message);
        Assert.Single(await outbox.ListAsync(5, to: message.To, ct: _ct));
    }

    [Fact]
    public async Task Bodies_longer_than_one_table_property_are_stored_intact()
    {
        var outbox = NewOutbox();
        // 80,000+ characters; the 5-character prefix puts an emoji's first half exactly at the first split point.
        var html = "<p>ab" + string.Concat(Enumerable.Repeat("投诉😡", 20_000)) + "</p>";
        var message = EmailMessageBuilder.ChineseOutcome().WithHtml(html).Build();

        await outbox.SendAsync(message, _ct);

        Assert.Equal(html, (await outbox.GetAsync(message.MessageId, _ct))?.Message.HtmlBody);
    }

    [Fact]
    public async Task Body_over_the_outbox_limit_is_refused_with_a_clear_message()
    {
        var outbox = NewOutbox();
        var message = EmailMessageBuilder.ChineseOutcome().WithHtml(new string('x', TableOutbox.MaxBodyLength + 1)).Build();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => outbox.SendAsync(message, _ct));

        Assert.Contains(message.MessageId, error.Message, StringComparison.Ordinal);
        Assert.Contains("HTML body", error.Message, StringComparison.Ordinal);
        Assert.Null(await outbox.GetAsync(message.MessageId, _ct));
    }

    private TableOutbox NewOutbox() =>
        new(azurite.TableService(), AzuriteFixture.UniqueName("outbox"), _time, NullLogger<TableOutbox>.Instance);
}
