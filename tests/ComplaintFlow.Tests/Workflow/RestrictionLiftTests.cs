using System.Text.Json;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Intake;
using ComplaintFlow.Core.Orchestration;
using ComplaintFlow.Core.Verification;
using ComplaintFlow.Infrastructure.Http;
using ComplaintFlow.Tests.Builders;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintFlow.Tests.Workflow;

/// <summary>
/// A burst of complaints restricts the customer; staff lifting the restriction forgive that burst, so the customer's
/// next complaint goes ahead, while a new burst after the lift is restricted again.
/// </summary>
public sealed class RestrictionLiftTests
{
    private const string Customer = "u-burst";

    private static readonly string[] DifferentComplaints =
    [
        "外卖送餐迟到了一个小时，饭都凉了。",
        "收到的耳机有破损，质量太差了。",
        "同样的商品今天涨价了一倍，太贵了。",
        "App 一打开订单页面就卡死，什么都点不了。",
        "客服态度很差，说两句就挂电话。",
        "发票一直开不出来，账单金额也不对。",
        "包裹里少了一件衣服，商家发错了颜色。",
        "骑手把餐放在楼下就走了，汤全洒了。",
        "优惠券结账时用不了，页面提示异常。",
        "换了新手机以后收不到验证码，没法注册。",
        "牛奶送到的时候已经过期变质了。",
        "配送费比上周贵了很多，希望解释一下。",
    ];

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_lifted_restriction_forgives_the_burst_that_caused_it()
    {
        await using var driver = await WorkflowDriver.StartAsync();
        var burst = await BurstAsync(driver, 0);
        var restriction = await RestrictionAsync(driver);
        Assert.NotNull(restriction);
        Assert.Equal(IntakeOutcomeKind.Restricted, (await TryFileAsync(driver, 6)).Kind);

        var lifted = await driver.Flow.Services.GetRequiredService<RestrictionsEndpoint>().LiftAsync(restriction.Key, _ct);
        Assert.Equal(StatusCodes.Status204NoContent, Assert.IsAssignableFrom<IStatusCodeHttpResult>(lifted).StatusCode);
        await driver.PassAsync(TimeSpan.FromMinutes(1));

        var next = await TryFileAsync(driver, 7);
        Assert.Equal(IntakeOutcomeKind.Accepted, next.Kind);
        await driver.SettleAsync();
        var complaint = await driver.ComplaintAsync(next.Receipt!.ComplaintId);
        Assert.True(complaint.Status == ComplaintStatus.Assigned, $"The complaint after the lift is {complaint.Status}: {complaint.RejectionReason}");
        Assert.Null(await RestrictionAsync(driver));
        Assert.Equal(ComplaintStatus.Rejected, (await driver.ComplaintAsync(burst[^1])).Status);
    }

    [Fact]
    public async Task A_new_burst_after_a_lift_is_restricted_again()
    {
        await using var driver = await WorkflowDriver.StartAsync();
        await BurstAsync(driver, 0);
        await driver.Flow.Services.GetRequiredService<RestrictionsEndpoint>().LiftAsync((await RestrictionAsync(driver))!.Key, _ct);
        await driver.PassAsync(TimeSpan.FromMinutes(1));

        var after = await BurstAsync(driver, 6);

        foreach (var id in after[..^1])
        {
            Assert.Equal(ComplaintStatus.Assigned, (await driver.ComplaintAsync(id)).Status);
        }

        var rejected = await driver.ComplaintAsync(after[^1]);
        Assert.Equal(ComplaintStatus.Rejected, rejected.Status);
        Assert.Contains("6 within 60 minutes", rejected.RejectionReason, StringComparison.Ordinal);
        Assert.NotNull(await RestrictionAsync(driver));
    }

    /// <summary>Six different complaints a minute apart, one more than the limit of five an hour: the last is rejected.</summary>
    private async Task<List<string>> BurstAsync(WorkflowDriver driver, int first)
    {
        var ids = new List<string>();
        for (var i = first; i < first + 6; i++)
        {
            var outcome = await TryFileAsync(driver, i);
            Assert.Equal(IntakeOutcomeKind.Accepted, outcome.Kind);
            await driver.SettleAsync();
            ids.Add(outcome.Receipt!.ComplaintId);
            await driver.PassAsync(TimeSpan.FromMinutes(1));
        }

        var last = await driver.ComplaintAsync(ids[^1]);
        Assert.Equal(ComplaintStatus.Rejected, last.Status);
        return ids;
    }

    private async Task<IntakeOutcome> TryFileAsync(WorkflowDriver driver, int i)
    {
        var submission = ComplaintBuilder.Chinese().ForCustomer(Customer).WithExternalId($"burst-{i}").WithSubject(null)
            .WithDescription(DifferentComplaints[i]).WithOrderId($"8{i:D2}").Submission();
        var body = JsonSerializer.SerializeToUtf8Bytes(submission, WorkflowJson.Options);
        return await driver.Flow.Services.GetRequiredService<ComplaintIntake>()
            .AcceptAsync(submission, new IntakeKey(IntakeKey.WebhookScope, $"msg_burst_{i}"), RequestFingerprint.Of(body), _ct);
    }

    private Task<Restriction?> RestrictionAsync(WorkflowDriver driver) =>
        driver.Flow.Services.GetRequiredService<IRestrictionStore>().FindActiveAsync(Customer, driver.Time.GetUtcNow(), _ct);
}
