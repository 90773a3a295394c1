using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Core.Notifications;

/// <summary>A link shown in an email as a button (HTML) and as "label: URL" (plain text).</summary>
/// <param name="Label">The button text; says what happens, not "click here".</param>
/// <param name="Url">An absolute http(s) URL.</param>
public sealed record EmailLink(string Label, Uri Url)
{
    /// <summary>The agent's (or lead's, or manager's) decision page.</summary>
    public static EmailLink Decide(Locale locale, Uri url) => new(locale == Locale.Zh ? "处理这条投诉" : "Decide on this complaint", url);

    /// <summary>The customer accepts the outcome.</summary>
    public static EmailLink Satisfied(Locale locale, Uri url) => new(locale == Locale.Zh ? "满意，问题已解决" : "I am satisfied", url);

    /// <summary>The customer does not accept the outcome.</summary>
    public static EmailLink NotSatisfied(Locale locale, Uri url) => new(locale == Locale.Zh ? "不满意，需要重新处理" : "I am not satisfied", url);

    /// <summary>The customer answers a request for information.</summary>
    public static EmailLink AddInformation(Locale locale, Uri url) => new(locale == Locale.Zh ? "补充信息" : "Add information", url);

    /// <summary>Anyone: the complaint's status page.</summary>
    public static EmailLink Status(Locale locale, Uri url) => new(locale == Locale.Zh ? "查看处理进度" : "See the status of this complaint", url);
}
