using ComplaintFlow.Local.InMemory;
using ComplaintFlow.Tests.Email;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintFlow.Tests.InMemory;

/// <summary>The in-memory outbox lists what was sent as the table outbox does: newest first.</summary>
public sealed class InMemoryOutboxTests
{
    [Fact]
    public async Task Emails_sent_at_the_same_instant_list_newest_first_in_the_order_they_were_sent()
    {
        // On a fake clock a workflow step takes no time, so several emails share an instant; their ids end in the
        // steps' GUIDs, which say nothing about order.
        var outbox = new InMemoryOutbox(new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        var ids = new[] { "C-1.reminder.f04c", "C-1.reminder.0a9e", "C-1.reminder.7c21" };
        foreach (var id in ids)
        {
            await outbox.SendAsync(EmailMessageBuilder.ChineseOutcome("C-1").WithId(id).Build(), TestContext.Current.CancellationToken);
        }

        var listed = await outbox.ListAsync(10, complaintId: "C-1", ct: TestContext.Current.CancellationToken);

        Assert.Equal(ids.Reverse(), listed.Select(e => e.Message.MessageId));
    }
}
