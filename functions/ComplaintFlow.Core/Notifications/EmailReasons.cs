using System.Text.RegularExpressions;
using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Core.Notifications;

/// <summary>
/// The reasons the workflow gives in English (for the timeline and the logs: a breach, a refusal at verification, a
/// customer not satisfied again), said in the recipient's language in an email. Anything else — an agent's own words
/// when escalating — is shown as written. Each pattern here matches one sentence the workflow writes; the emails test
/// of a whole Chinese lifecycle fails when a new sentence is added without its translation.
/// </summary>
public static partial class EmailReasons
{
    public static string? Localize(string? reason, Locale locale)
    {
        if (reason is null || locale != Locale.Zh)
        {
            return reason;
        }

        if (Breach().Match(reason) is { Success: true } breach)
        {
            return breach.Groups[1].Value == "first response" ? "超过服务时限：未在时限内首次响应。" : "超过服务时限：未在时限内解决。";
        }

        if (DissatisfiedAgain().Match(reason) is { Success: true } again)
        {
            return $"客户再次表示不满意，开始第 {again.Groups[1].Value} 轮处理。";
        }

        if (Burst().Match(reason) is { Success: true } burst)
        {
            return $"同一客户提交的投诉过多：{burst.Groups[2].Value} 分钟内 {burst.Groups[1].Value} 条。";
        }

        if (SameText().Match(reason) is { Success: true } same)
        {
            return $"{same.Groups[2].Value} 分钟内有 {same.Groups[1].Value} 位客户提交了相同的内容。";
        }

        return reason switch
        {
            "No real description: the complaint does not say what happened." => "没有有效的描述：投诉未说明发生了什么。",
            "Rejected at verification." => "核实未通过。",
            "Escalated by the agent." => "由处理人升级。",
            _ => reason,
        };
    }

    /// <summary>Why a complaint was closed, in a sentence for the customer; null when the outcome says it all.</summary>
    public static string? Closure(ComplaintOutcome outcome, Locale locale) => (outcome, locale == Locale.Zh) switch
    {
        (ComplaintOutcome.Resolved, true) => "您已确认处理结果。",
        (ComplaintOutcome.Resolved, false) => "You confirmed the outcome.",
        (ComplaintOutcome.ResolvedUnconfirmed, true) => "我们在确认期限内没有收到您的答复，已按下述处理结果结案。",
        (ComplaintOutcome.ResolvedUnconfirmed, false) => "We did not hear from you by the confirmation date, so we closed it with the outcome below.",
        (ComplaintOutcome.Unfounded, true) => "经核实，该问题不属于平台责任，说明如下。",
        (ComplaintOutcome.Unfounded, false) => "We found the complaint unfounded; our explanation is below.",
        (ComplaintOutcome.Abandoned, true) => "我们没有收到处理所需的补充信息。",
        (ComplaintOutcome.Abandoned, false) => "We did not receive the information we needed to handle it.",
        _ => null,
    };

    [GeneratedRegex(@"^SLA breach: no (first response|resolution) in time\.$")]
    private static partial Regex Breach();

    [GeneratedRegex(@"^The customer was not satisfied again; round (\d+) starts\.$")]
    private static partial Regex DissatisfiedAgain();

    [GeneratedRegex(@"^Too many complaints from one customer: (\d+) within (\d+) minutes\.$")]
    private static partial Regex Burst();

    [GeneratedRegex(@"^The same text arrived from (\d+) customers within (\d+) minutes\.$")]
    private static partial Regex SameText();
}
