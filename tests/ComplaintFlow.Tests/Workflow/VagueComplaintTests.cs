using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Tests.Builders;

namespace ComplaintFlow.Tests.Workflow;

/// <summary>
/// A complaint that says too little to act on (very short, about nothing the rules know, no order) is questioned
/// before anyone is assigned, in the customer's language, and at most as often as configured.
/// </summary>
public sealed class VagueComplaintTests
{
    [Fact]
    public async Task A_vague_english_complaint_is_questioned_in_english_and_goes_ahead_once_answered()
    {
        await using var driver = await WorkflowDriver.StartAsync();
        var id = await driver.FileAsync(ComplaintBuilder.English().WithSubject("problem").WithDescription("not good").WithOrderId(null).Submission());

        var waiting = await driver.ComplaintAsync(id);
        Assert.Equal(ComplaintStatus.NeedsInfo, waiting.Status);
        Assert.Empty(await driver.EmailsAsync(id, EmailKind.AgentAssignment));
        var question = Assert.Single(await driver.EmailsAsync(id, EmailKind.InformationRequest));
        Assert.Equal("tom@example.com", question.To);
        Assert.Contains("what happened", question.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("请", question.TextBody, StringComparison.Ordinal);

        await driver.ProvideInformationAsync(id, "My food order arrived two hours late and the rider was rude to me.");

        var assigned = await driver.ComplaintAsync(id);
        Assert.Equal(ComplaintStatus.Assigned, assigned.Status);
        Assert.Single(await driver.EmailsAsync(id, EmailKind.AgentAssignment));
    }

    [Fact]
    public async Task A_vague_chinese_complaint_is_questioned_in_chinese()
    {
        await using var driver = await WorkflowDriver.StartAsync();
        var id = await driver.FileAsync(ComplaintBuilder.Chinese().WithSubject("有问题").WithDescription("不好").WithOrderId(null).Submission());

        Assert.Equal(ComplaintStatus.NeedsInfo, (await driver.ComplaintAsync(id)).Status);
        var question = Assert.Single(await driver.EmailsAsync(id, EmailKind.InformationRequest));
        Assert.Contains("具体", question.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 2)]
    [InlineData("1", 1)]
    [InlineData("0", 0)]
    public async Task Answers_that_still_say_nothing_are_asked_about_at_most_the_configured_number_of_times(string? maxQuestions, int asked)
    {
        await using var driver = await WorkflowDriver.StartAsync(settings: maxQuestions is null ? null : [new("Verification:MaxQuestions", maxQuestions)]);
        var id = await driver.FileAsync(ComplaintBuilder.English().WithSubject("problem").WithDescription("not good").WithOrderId(null).Submission());

        for (var i = 0; i < 5 && (await driver.ComplaintAsync(id)).Status == ComplaintStatus.NeedsInfo; i++)
        {
            await driver.ProvideInformationAsync(id, "still bad");
        }

        Assert.Equal(asked, (await driver.EmailsAsync(id, EmailKind.InformationRequest)).Count);
        Assert.Equal(ComplaintStatus.Assigned, (await driver.ComplaintAsync(id)).Status);
    }

    [Theory]
    [InlineData("App crash", "Crashes on start.", null)]
    [InlineData(null, "The power bank caught fire!", null)]
    [InlineData("problem", "not good", "20261123-889")]
    [InlineData(null, "I waited forty minutes at the pick-up counter and nobody came to help me or told me anything.", null)]
    public async Task A_short_complaint_about_something_known_with_an_order_or_with_enough_words_is_not_questioned(string? subject, string description, string? orderId)
    {
        await using var driver = await WorkflowDriver.StartAsync();
        var id = await driver.FileAsync(ComplaintBuilder.English().WithSubject(subject).WithDescription(description).WithOrderId(orderId).Submission());

        Assert.Empty(await driver.EmailsAsync(id, EmailKind.InformationRequest));
        Assert.Equal(ComplaintStatus.Assigned, (await driver.ComplaintAsync(id)).Status);
    }
}
