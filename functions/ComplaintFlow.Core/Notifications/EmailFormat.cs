using System.Globalization;
using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Core.Notifications;

/// <summary>How emails (and the pages that go with them) show times and domain names in each locale.</summary>
public static class EmailFormat
{
    /// <summary>
    /// A moment in <paramref name="timeZoneId"/>, with the zone named: zh <c>2026年11月23日 17:00 (北京时间)</c> or
    /// <c>2026年11月23日 17:00 (Europe/London)</c>; en <c>Mon 23 Nov 2026, 17:00 (Asia/Shanghai)</c>.
    /// An unknown zone id shows the time in UTC, labelled UTC, so the time is never wrong.
    /// </summary>
    public static string Date(DateTimeOffset value, Locale locale, string timeZoneId)
    {
        var (zone, label) = ResolveZone(timeZoneId, locale);
        var local = TimeZoneInfo.ConvertTime(value, zone);
        return locale == Locale.Zh
            ? local.ToString("yyyy'年'M'月'd'日' HH:mm", CultureInfo.InvariantCulture) + " (" + label + ")"
            : local.ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " (" + label + ")";
    }

    public static string CategoryName(Category category, Locale locale) => (category, locale) switch
    {
        (Category.TechnicalFailure, Locale.Zh) => "技术故障",
        (Category.Payment, Locale.Zh) => "支付",
        (Category.Delivery, Locale.Zh) => "配送",
        (Category.ServiceAttitude, Locale.Zh) => "服务态度",
        (Category.ProductQuality, Locale.Zh) => "产品质量",
        (Category.Price, Locale.Zh) => "价格",
        (Category.Privacy, Locale.Zh) => "隐私",
        (Category.Account, Locale.Zh) => "账号",
        (Category.Suggestion, Locale.Zh) => "建议",
        (Category.Other, Locale.Zh) => "其他",
        (Category.TechnicalFailure, _) => "Technical failure",
        (Category.Payment, _) => "Payment",
        (Category.Delivery, _) => "Delivery",
        (Category.ServiceAttitude, _) => "Service attitude",
        (Category.ProductQuality, _) => "Product quality",
        (Category.Price, _) => "Price and billing",
        (Category.Privacy, _) => "Information and privacy",
        (Category.Account, _) => "Account",
        (Category.Suggestion, _) => "Suggestion",
        _ => "Other",
    };

    public static string SeverityName(Severity severity, Locale locale) => (severity, locale) switch
    {
        (Severity.Urgent, Locale.Zh) => "紧急",
        (Severity.High, Locale.Zh) => "高",
        (Severity.Normal, Locale.Zh) => "普通",
        (Severity.Low, Locale.Zh) => "低",
        (Severity.Urgent, _) => "Urgent",
        (Severity.High, _) => "High",
        (Severity.Normal, _) => "Normal",
        _ => "Low",
    };

    public static string CompensationName(Compensation compensation, Locale locale) => (compensation, locale) switch
    {
        (Compensation.Refund, Locale.Zh) => "退款",
        (Compensation.Coupon, Locale.Zh) => "优惠券",
        (Compensation.Replacement, Locale.Zh) => "换货",
        (Compensation.None, Locale.Zh) => "无",
        (Compensation.Refund, _) => "Refund",
        (Compensation.Coupon, _) => "Coupon",
        (Compensation.Replacement, _) => "Replacement",
        _ => "None",
    };

    /// <summary>zh <c>第 2 级（组长）</c>; en <c>Tier 2 (team lead)</c>.</summary>
    public static string TierName(int tier, Locale locale)
    {
        var who = (tier, locale) switch
        {
            ( <= 1, Locale.Zh) => "客服专员",
            (2, Locale.Zh) => "组长",
            (_, Locale.Zh) => "投诉经理",
            ( <= 1, _) => "agent",
            (2, _) => "team lead",
            _ => "complaints manager",
        };
        return locale == Locale.Zh
            ? string.Create(CultureInfo.InvariantCulture, $"第 {tier} 级（{who}）")
            : string.Create(CultureInfo.InvariantCulture, $"Tier {tier} ({who})");
    }

    private static (TimeZoneInfo Zone, string Label) ResolveZone(string? timeZoneId, Locale locale)
    {
        if (string.IsNullOrWhiteSpace(timeZoneId) || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone))
        {
            return (TimeZoneInfo.Utc, "UTC");
        }

        if (locale == Locale.Zh && IsBeijingTime(timeZoneId))
        {
            return (zone, "北京时间");
        }

        return (zone, zone == TimeZoneInfo.Utc || timeZoneId is "Etc/UTC" or "UTC" ? "UTC" : timeZoneId);
    }

    private static bool IsBeijingTime(string timeZoneId) =>
        timeZoneId is "Asia/Shanghai" or "Asia/Chongqing" or "Asia/Harbin" or "PRC" or "China Standard Time";
}
