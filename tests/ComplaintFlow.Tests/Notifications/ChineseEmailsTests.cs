using System.Text.RegularExpressions;
using ComplaintFlow.Core.Assignment;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Tests.Builders;
using ComplaintFlow.Tests.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ComplaintFlow.Tests.Notifications;

/// <summary>
/// Every email of a Chinese complaint's whole life — acknowledgement, assignment, reminders, escalations, the manager's
/// alert, the outcome, the confirmation reminder, the second round, the closure — as the workflow really writes them,
/// reads in Chinese: no English word outside ids, addresses and links.
/// </summary>
public sealed partial class ChineseEmailsTests
{
    [Fact]
    public async Task A_chinese_complaints_emails_from_first_to_last_have_no_english_words()
    {
        await using var driver = await WorkflowDriver.StartAsync();
        var id = await driver.FileAsync(ComplaintBuilder.Chinese().Submission());
        await driver.PassAsync(TimeSpan.FromDays(3), TimeSpan.FromHours(1)); // reminders, breaches, escalations, the manager's alert
        await driver.DecideAsync(id, AgentDecisionKind.Resolve, "已退还配送费。", Compensation.Refund);
        await driver.ConfirmAsync(id, satisfied: false, rating: 2, comment: "还不够。");
        await driver.DecideAsync(id, AgentDecisionKind.Resolve, "已全额退款并致歉。", Compensation.Refund);
        await driver.PassAsync(TimeSpan.FromDays(8), TimeSpan.FromHours(6)); // the confirmation reminder, then closed unconfirmed

        // Refused at verification: a burst from one customer.
        string[] texts = ["骑手迟到两个小时，汤洒了一地。", "应用付款时闪退，扣了两次钱。", "客服挂我电话，态度很差。", "收到的手机屏幕是碎的。", "优惠券无法使用，价格和页面不符。", "账号被盗，密码被人改了。"]; // the sixth within the hour is refused as a burst
        var burst = new List<string>();
        for (var i = 0; i < texts.Length; i++)
        {
            burst.Add(await driver.FileAsync(ComplaintBuilder.Chinese().ForCustomer("u-burst").WithExternalId($"burst-{i}").WithOrderId($"9{i}").WithDescription(texts[i]).Submission()));
        }

        await driver.SettleAsync();
        var emails = (await driver.EmailsAsync(id)).Concat((await Task.WhenAll(burst.Select(b => driver.EmailsAsync(b)))).SelectMany(e => e)).ToList();
        Assert.Contains(emails, e => e.Kind == Core.Notifications.EmailKind.IntakeRejection);
        Assert.Contains(emails, e => e.Kind == Core.Notifications.EmailKind.Escalation);
        Assert.Contains(emails, e => e.Kind == Core.Notifications.EmailKind.Closure);
        // People's names are not translated: the roster's (some English) are taken out, as is the product's name.
        var names = driver.Flow.Services.GetRequiredService<IOptions<List<AgentOptions>>>().Value.Select(a => a.Name).ToList();
        var english = emails
            .SelectMany(e => new[] { e.Subject, e.TextBody, e.HtmlBody }.Select(text => (e.Kind, Words: EnglishWords(names.Aggregate(text, (t, n) => t.Replace(n, " ", StringComparison.Ordinal))))))
            .Where(x => x.Words.Count > 0)
            .Select(x => $"{x.Kind}: {string.Join(" ", x.Words)}")
            .Distinct()
            .ToList();
        Assert.True(english.Count == 0, "English in Chinese emails:\n" + string.Join("\n", english));
    }

    /// <summary>Latin words left once tags, links, addresses, ids and the product's name are taken out.</summary>
    private static List<string> EnglishWords(string text)
    {
        var visible = Tags().Replace(text, " ");
        visible = Links().Replace(visible, " ");
        visible = Addresses().Replace(visible, " ");
        visible = Ids().Replace(visible, " ");
        visible = Entities().Replace(visible, " ");
        return [.. Words().Matches(visible).Select(m => m.Value).Where(w => w is not "ComplaintFlow").Distinct()];
    }

    [GeneratedRegex("<style[^>]*>.*?</style>|<[^>]+>", RegexOptions.Singleline)]
    private static partial Regex Tags();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Links();

    [GeneratedRegex(@"[\w.+-]+@[\w.-]+")]
    private static partial Regex Addresses();

    [GeneratedRegex(@"\bC-\d{6}-[0-9A-Z]+\b|\b[a-z]+[.-][a-z]+\b")]
    private static partial Regex Ids();

    [GeneratedRegex(@"&[a-z]+;|&#\d+;")]
    private static partial Regex Entities();

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex Words();
}
