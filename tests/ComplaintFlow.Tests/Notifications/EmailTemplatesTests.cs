using System.Text.RegularExpressions;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Notifications;

namespace ComplaintFlow.Tests.Notifications;

public sealed partial class EmailTemplatesTests
{
    private const string DecideUrl = "https://complaints.example.com/api/actions/tok_A1b2?x=1&y=2";
    private const string StatusUrl = "https://complaints.example.com/api/complaints/C-202611-02K7M3QX9A/status";

    public static TheoryData<EmailKind, Locale> EveryKindInEveryLocale()
    {
        var data = new TheoryData<EmailKind, Locale>();
        foreach (var kind in Enum.GetValues<EmailKind>())
        {
            foreach (var locale in Enum.GetValues<Locale>())
            {
                data.Add(kind, locale);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryKindInEveryLocale))]
    public void Every_kind_renders_a_complete_email_without_leftover_placeholders(EmailKind kind, Locale locale)
    {
        var content = EmailTemplates.Render(kind, EmailModelBuilder.In(locale).WithStatusUrl(StatusUrl).Build());

        foreach (var part in new[] { content.Subject, content.Html, content.Text })
        {
            Assert.False(string.IsNullOrWhiteSpace(part));
            Assert.DoesNotMatch(LeftoverPlaceholder(), part);
        }

        Assert.Contains("C-202611-02K7M3QX9A", content.Subject, StringComparison.Ordinal);
        Assert.Contains("C-202611-02K7M3QX9A", content.Text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', content.Subject);
        Assert.StartsWith("<!DOCTYPE html>", content.Html, StringComparison.Ordinal);
        Assert.Contains(locale == Locale.Zh ? "<html lang=\"zh-CN\"" : "<html lang=\"en\"", content.Html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EveryKindInEveryLocale))]
    public void Every_kind_shows_its_links_in_the_html_and_in_full_in_the_text(EmailKind kind, Locale locale)
    {
        var satisfied = EmailLink.Satisfied(locale, new Uri("https://complaints.example.com/api/actions/tok_Yes"));
        var decide = EmailLink.Decide(locale, new Uri(DecideUrl));
        var model = EmailModelBuilder.In(locale).WithLinks(decide, satisfied).WithStatusUrl(StatusUrl).Build();

        var content = EmailTemplates.Render(kind, model);

        foreach (var link in new[] { decide, satisfied, EmailLink.Status(locale, new Uri(StatusUrl)) })
        {
            var encodedUrl = link.Url.AbsoluteUri.Replace("&", "&amp;", StringComparison.Ordinal);
            Assert.Contains($"<a href=\"{encodedUrl}\"", content.Html, StringComparison.Ordinal);
            Assert.Contains($">{link.Label}</a>", content.Html, StringComparison.Ordinal);
            Assert.Contains($"{link.Label}: {link.Url.AbsoluteUri}", content.Text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(EveryKindInEveryLocale))]
    public void Bidi_controls_in_user_text_are_left_out_of_every_kind(EmailKind kind, Locale locale)
    {
        var content = EmailTemplates.Render(kind, EmailModelBuilder.In(locale).WithUserText("Refund \u202Egpj.exe \u2067x\u2069 \u200Fy").Build());

        foreach (var part in new[] { content.Subject, content.Html, content.Text })
        {
            Assert.DoesNotMatch(BidiControl(), part);
            Assert.DoesNotContain("&#x202", part, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void The_agent_reads_a_reversed_file_name_in_the_order_it_was_typed()
    {
        var content = EmailTemplates.Render(EmailKind.AgentAssignment, EmailModelBuilder.InEnglish().WithSubject("Refund \u202Egpj.exe").Build());

        Assert.Contains("Refund gpj.exe", content.Subject, StringComparison.Ordinal);
        Assert.Contains("Refund gpj.exe", content.Text, StringComparison.Ordinal);
        Assert.Contains("Refund gpj.exe", content.Html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EveryKindInEveryLocale))]
    public void Hostile_user_text_is_html_encoded_in_every_kind(EmailKind kind, Locale locale)
    {
        var model = EmailModelBuilder.In(locale).WithUserText("<script>alert(1)</script>").Build() with
        {
            DescriptionExcerpt = "\"><img src=x onerror=alert(2)>",
        };

        var content = EmailTemplates.Render(kind, model);

        Assert.DoesNotContain("<script", content.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", content.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", content.Html, StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script>", content.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_description_cannot_break_out_of_the_quote()
    {
        var model = EmailModelBuilder.InEnglish().Build() with { DescriptionExcerpt = "\"><img src=x onerror=alert(2)>" };

        var content = EmailTemplates.Render(EmailKind.AgentAssignment, model);

        Assert.Contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;", content.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_that_are_not_http_are_refused()
    {
        var model = EmailModelBuilder.InEnglish().WithLinks(new EmailLink("Open", new Uri("javascript:alert(1)"))).Build();

        Assert.Throws<ArgumentException>(() => EmailTemplates.Render(EmailKind.AgentAssignment, model));
    }

    [Fact]
    public void Out_of_hours_acknowledgement_in_chinese_says_when_the_team_is_back_in_beijing_time()
    {
        var backAt = new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);
        var model = EmailModelBuilder.InChinese().OutOfHours(backAt).Build() with { FirstResponseDue = null };

        var content = EmailTemplates.Render(EmailKind.Acknowledgement, model);

        Assert.Contains("非工作时间", content.Text, StringComparison.Ordinal);
        Assert.Contains("2026年11月23日 09:00 (北京时间)", content.Text, StringComparison.Ordinal);
        Assert.Contains("2026年11月23日 09:00 (北京时间)", content.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_hours_acknowledgement_in_english_names_the_time_zone_it_uses()
    {
        var backAt = new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);
        var model = EmailModelBuilder.InEnglish().InZone("Europe/London").OutOfHours(backAt).Build();

        var content = EmailTemplates.Render(EmailKind.Acknowledgement, model);

        Assert.Contains("outside our working hours", content.Text, StringComparison.Ordinal);
        Assert.Contains("Our team is back on Mon 23 Nov 2026, 01:00 (Europe/London)", content.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Locale.Zh, "非工作时间")]
    [InlineData(Locale.En, "outside our working hours")]
    public void Acknowledgement_in_working_hours_promises_the_first_response_time_only(Locale locale, string outOfHoursWords)
    {
        var content = EmailTemplates.Render(EmailKind.Acknowledgement, EmailModelBuilder.In(locale).Build());

        Assert.DoesNotContain(outOfHoursWords, content.Text, StringComparison.Ordinal);
        Assert.Contains(locale == Locale.Zh ? "2026年11月23日 17:00 (北京时间)" : "Mon 23 Nov 2026, 17:00 (Asia/Shanghai)", content.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Chinese_text_and_emoji_render_intact_in_both_parts()
    {
        var content = EmailTemplates.Render(EmailKind.AgentAssignment, EmailModelBuilder.InChinese().Build());

        foreach (var part in new[] { content.Html, content.Text })
        {
            Assert.Contains("骑手态度恶劣", part, StringComparison.Ordinal);
            Assert.Contains("订单 123 配送超时两个小时，骑手还辱骂我。😡", part, StringComparison.Ordinal);
            Assert.Contains("李雷，您好：", part, StringComparison.Ordinal);
        }

        Assert.Contains("骑手态度恶劣", content.Subject, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Locale.Zh, "配送", "紧急", "2026年11月25日 17:00 (北京时间)")]
    [InlineData(Locale.En, "Delivery", "Urgent", "Wed 25 Nov 2026, 17:00 (Asia/Shanghai)")]
    public void Agent_assignment_shows_localised_category_severity_and_due_times(Locale locale, string category, string severity, string resolutionDue)
    {
        var content = EmailTemplates.Render(EmailKind.AgentAssignment, EmailModelBuilder.In(locale).Build());

        Assert.Contains(category, content.Text, StringComparison.Ordinal);
        Assert.Contains(severity, content.Text, StringComparison.Ordinal);
        Assert.Contains(resolutionDue, content.Text, StringComparison.Ordinal);
        Assert.StartsWith("[" + severity + "]", content.Subject, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Locale.Zh, "解决时限已过去 50%", "2026年11月25日 17:00 (北京时间)")]
    [InlineData(Locale.En, "50% of the time to resolve has passed", "Wed 25 Nov 2026, 17:00 (Asia/Shanghai)")]
    public void Reminder_says_how_much_of_the_window_has_passed_and_when_it_is_due(Locale locale, string passed, string due)
    {
        var model = EmailModelBuilder.In(locale).ReminderAt(0.5, ReminderDeadline.Resolution).Build();

        var content = EmailTemplates.Render(EmailKind.Reminder, model);

        Assert.Contains(passed, content.Subject, StringComparison.Ordinal);
        Assert.Contains(due, content.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Locale.Zh, "第 3 级（投诉经理）")]
    [InlineData(Locale.En, "Tier 3 (complaints manager)")]
    public void Escalation_names_the_tier_and_the_reason(Locale locale, string tier)
    {
        var model = EmailModelBuilder.In(locale).AtTier(3).Build();

        var content = EmailTemplates.Render(EmailKind.Escalation, model);

        Assert.Contains(tier, content.Subject, StringComparison.Ordinal);
        Assert.Contains(model.Reason!, content.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Locale.Zh, "退款")]
    [InlineData(Locale.En, "Refund")]
    public void Outcome_with_a_resolution_shows_it_with_the_compensation(Locale locale, string compensation)
    {
        var model = EmailModelBuilder.In(locale).Build();

        var content = EmailTemplates.Render(EmailKind.Outcome, model);

        Assert.Contains(model.ResolutionText!, content.Text, StringComparison.Ordinal);
        Assert.Contains(compensation, content.Text, StringComparison.Ordinal);
        Assert.Contains(locale == Locale.Zh ? "2026年11月30日 17:00 (北京时间)" : "Mon 30 Nov 2026, 17:00 (Asia/Shanghai)", content.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Locale.Zh, "不属于平台的责任")]
    [InlineData(Locale.En, "not something the platform is responsible for")]
    public void Outcome_with_a_rejection_explains_why(Locale locale, string rejectionWords)
    {
        var model = EmailModelBuilder.In(locale).AsRejection("The order was cancelled by the shop, which refunded you on 20 Nov.").Build();

        var content = EmailTemplates.Render(EmailKind.Outcome, model);

        Assert.Contains(rejectionWords, content.Text, StringComparison.Ordinal);
        Assert.Contains("The order was cancelled by the shop, which refunded you on 20 Nov.", content.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Information_request_quotes_the_question_next_to_the_add_information_link()
    {
        var add = EmailLink.AddInformation(Locale.Zh, new Uri("https://complaints.example.com/api/actions/tok_Info"));
        var content = EmailTemplates.Render(EmailKind.InformationRequest, EmailModelBuilder.InChinese().WithLinks(add).Build());

        Assert.Contains("> 请提供订单截图。", content.Text, StringComparison.Ordinal);
        Assert.Contains("补充信息: https://complaints.example.com/api/actions/tok_Info", content.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Second_round_assignment_says_the_customer_was_not_satisfied()
    {
        var content = EmailTemplates.Render(EmailKind.AgentAssignment, EmailModelBuilder.InEnglish().InRound(2).Build());

        Assert.Contains("this is round 2", content.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_time_zone_shows_times_in_utc_labelled_utc()
    {
        var text = EmailFormat.Date(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), Locale.En, "Mars/Olympus_Mons");

        Assert.Equal("Mon 23 Nov 2026, 09:00 (UTC)", text);
    }

    [Fact]
    public void Excerpt_shortens_long_text_without_splitting_a_character()
    {
        var excerpt = EmailTemplates.Excerpt("配送超时😡😡😡😡", 6);

        Assert.Equal("配送超时…", excerpt);
    }

    [GeneratedRegex(@"\{[^}]*\}|\{|\}")]
    private static partial Regex LeftoverPlaceholder();

    [GeneratedRegex("[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]")]
    private static partial Regex BidiControl();
}
