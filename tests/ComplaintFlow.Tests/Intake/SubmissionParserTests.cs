using System.Text;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Intake;
using ComplaintFlow.Tests.Builders;

namespace ComplaintFlow.Tests.Intake;

/// <summary>Valid bodies become the submission the sender meant: every field read, text intact, defaults sensible.</summary>
public sealed class SubmissionParserTests
{
    [Fact]
    public void Design_example_in_Chinese_reads_every_field()
    {
        var json = SubmissionBuilder.Valid().InChinese().WithSeverityHint("high").WithMetadata("appVersion", "5.2.1").WithMetadata("os", "Android 14").ToBytes();

        var submission = Parsed(json);

        Assert.Equal("fb-20261122-0001", submission.ExternalId);
        Assert.Equal(Channel.AppFeedback, submission.Channel);
        Assert.Equal(new Customer("u-1001", "李雷", "lilei@example.com", "+8613800000000", Locale.Zh), submission.Customer);
        Assert.Equal("骑手态度恶劣", submission.Subject);
        Assert.Equal("订单 123 配送超时两个小时，骑手还辱骂我。", submission.Description);
        Assert.Equal("123", submission.OrderId);
        Assert.Equal(Severity.High, submission.SeverityHint);
        Assert.Equal(["appVersion", "os"], submission.Metadata.Keys);
        Assert.Equal("Android 14", submission.Metadata["os"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Chinese_and_emoji_pass_intact_whether_sent_raw_or_escaped(bool escaped)
    {
        const string Text = "支付失败😡，家人👨‍👩‍👧也试了，还是不行 🙏";
        var builder = SubmissionBuilder.Valid().WithDescription(Text).WithSubject("付款问题 💳").WithName("王小明");
        if (escaped)
        {
            builder.EscapingNonAscii();
            Assert.DoesNotContain("支付", builder.ToJson(), StringComparison.Ordinal);
        }

        var submission = Parsed(builder.ToBytes());

        Assert.Equal(Text, submission.Description);
        Assert.Equal("付款问题 💳", submission.Subject);
        Assert.Equal("王小明", submission.Customer.Name);
    }

    [Fact]
    public void Surrounding_white_space_is_trimmed_and_line_breaks_inside_the_description_kept()
    {
        var submission = Parsed(SubmissionBuilder.Valid()
            .WithDescription("\n  First line.\r\n\tSecond line.　 ")
            .WithSubject("  Late  ")
            .WithCustomerId(" u-7 ")
            .WithEmail(" a@example.com ")
            .ToBytes());

        Assert.Equal("First line.\r\n\tSecond line.", submission.Description);
        Assert.Equal("Late", submission.Subject);
        Assert.Equal("u-7", submission.Customer.Id);
        Assert.Equal("a@example.com", submission.Customer.Email);
    }

    [Fact]
    public void Minimal_body_is_valid_and_optional_fields_are_empty()
    {
        var submission = Parsed(SubmissionBuilder.Minimal().ToBytes());

        Assert.Null(submission.ExternalId);
        Assert.Null(submission.Subject);
        Assert.Null(submission.OrderId);
        Assert.Null(submission.SeverityHint);
        Assert.Null(submission.Customer.Name);
        Assert.Null(submission.Customer.Phone);
        Assert.Empty(submission.Metadata);
    }

    [Fact]
    public void Null_or_blank_optional_fields_count_as_not_given()
    {
        var submission = Parsed(SubmissionBuilder.Valid()
            .WithExternalId("   ")
            .WithSubject("")
            .WithoutField("orderId").WithRawField("orderId", "null")
            .WithPhone(" ")
            .ToBytes());

        Assert.Null(submission.ExternalId);
        Assert.Null(submission.Subject);
        Assert.Null(submission.OrderId);
        Assert.Null(submission.Customer.Phone);
    }

    [Theory]
    [InlineData("app-feedback", Channel.AppFeedback)]
    [InlineData("web", Channel.Web)]
    [InlineData("email", Channel.Email)]
    [InlineData("phone-hotline", Channel.PhoneHotline)]
    [InlineData("social", Channel.Social)]
    [InlineData("queue", Channel.Queue)]
    [InlineData("App-Feedback", Channel.AppFeedback)]
    [InlineData("PhoneHotline", Channel.PhoneHotline)]
    public void Channels_are_read_in_kebab_case_regardless_of_case(string wire, Channel expected) =>
        Assert.Equal(expected, Parsed(SubmissionBuilder.Valid().WithChannel(wire).ToBytes()).Channel);

    [Theory]
    [InlineData("low", Severity.Low)]
    [InlineData("normal", Severity.Normal)]
    [InlineData("High", Severity.High)]
    [InlineData("URGENT", Severity.Urgent)]
    public void Severity_hints_are_read_regardless_of_case(string wire, Severity expected) =>
        Assert.Equal(expected, Parsed(SubmissionBuilder.Valid().WithSeverityHint(wire).ToBytes()).SeverityHint);

    [Theory]
    [InlineData("zh-CN", Locale.Zh)]
    [InlineData("zh", Locale.Zh)]
    [InlineData("zh-Hant-TW", Locale.Zh)]
    [InlineData("zh_TW", Locale.Zh)]
    [InlineData("en", Locale.En)]
    [InlineData("en-US", Locale.En)]
    [InlineData("EN-gb", Locale.En)]
    public void Locale_tags_map_to_Chinese_or_English(string tag, Locale expected) =>
        Assert.Equal(expected, Parsed(SubmissionBuilder.Valid().WithLocale(tag).ToBytes()).Customer.Locale);

    [Fact]
    public void Customer_locale_wins_over_the_top_level_locale()
    {
        var submission = Parsed(SubmissionBuilder.Valid().WithLocale("en-US").WithCustomerLocale("zh-CN").ToBytes());
        Assert.Equal(Locale.Zh, submission.Customer.Locale);
    }

    [Theory]
    [InlineData("订单 123 配送超时两个小时，骑手还辱骂我。", Locale.Zh)]
    [InlineData("APP闪退了", Locale.Zh)]
    [InlineData("The app crashes when I open my orders.", Locale.En)]
    [InlineData("The app shows 错误 when I pay for my order.", Locale.En)]
    [InlineData("12345 !!!", Locale.En)]
    public void Without_a_locale_it_is_inferred_from_the_text(string description, Locale expected)
    {
        var submission = Parsed(SubmissionBuilder.Valid().WithoutField("locale").WithSubject(null).WithDescription(description).ToBytes());
        Assert.Equal(expected, submission.Customer.Locale);
    }

    [Theory]
    [InlineData("+8613800000000", "+8613800000000")]
    [InlineData("+86 138-0000-0000", "+8613800000000")]
    [InlineData("+1 (415) 555.0100", "+14155550100")]
    [InlineData("13800000000", "13800000000")]
    public void Phone_numbers_keep_their_digits_without_separators(string sent, string kept) =>
        Assert.Equal(kept, Parsed(SubmissionBuilder.Valid().WithPhone(sent).ToBytes()).Customer.Phone);

    [Fact]
    public void Either_phone_or_email_is_enough_to_reach_the_customer()
    {
        Assert.Equal("+8613800000000", Parsed(SubmissionBuilder.Valid().WithEmail(null).ToBytes()).Customer.Phone);
        Assert.Equal("lilei@example.com", Parsed(SubmissionBuilder.Valid().WithPhone(null).ToBytes()).Customer.Email);
    }

    [Theory]
    [InlineData("first.last+tag@example.co.uk")]
    [InlineData("李雷@例子.中国")]
    [InlineData("o'brien@mail.example.com")]
    public void Ordinary_email_addresses_are_accepted(string email) =>
        Assert.Equal(email, Parsed(SubmissionBuilder.Valid().WithEmail(email).ToBytes()).Customer.Email);

    [Fact]
    public void Unknown_properties_are_ignored_so_senders_may_add_fields()
    {
        var submission = Parsed(SubmissionBuilder.Valid()
            .WithRawField("appTeamTrace", "{\"span\": 7, \"tags\": [1, 2]}")
            .WithRawCustomerField("vipLevel", "3")
            .ToBytes());

        Assert.Equal("u-1001", submission.Customer.Id);
    }

    [Fact]
    public void Byte_order_mark_and_pretty_printing_are_fine()
    {
        var pretty = "\uFEFF{\n  \"channel\": \"web\",\n  \"customer\": { \"id\": \"u-1\", \"email\": \"a@example.com\" },\n  \"description\": \"网页打不开\"\n}\n";

        var submission = Parsed(Encoding.UTF8.GetBytes(pretty));

        Assert.Equal("网页打不开", submission.Description);
        Assert.Equal(Channel.Web, submission.Channel);
    }

    [Theory]
    [InlineData("u-\u200B1001")]
    [InlineData("u-1001\u200D")]
    [InlineData("\u2060u-10\uFEFF01")]
    [InlineData("u-\u202E1001")]
    [InlineData("ｕ－１００１")]
    public void Invisible_characters_and_compatibility_forms_in_customer_id_name_the_same_customer(string id)
    {
        Assert.Equal("u-1001", Parsed(SubmissionBuilder.Valid().WithCustomerId(id).ToBytes()).Customer.Id);
    }

    [Fact]
    public void Invisible_characters_are_removed_from_external_id_order_id_and_email()
    {
        var submission = Parsed(SubmissionBuilder.Valid()
            .WithExternalId("fb-2026\u200B1122-0001")
            .WithOrderId("12\u200C3")
            .WithEmail("lilei\u200B@ex\u00ADample.com")
            .ToBytes());

        Assert.Equal("fb-20261122-0001", submission.ExternalId);
        Assert.Equal("123", submission.OrderId);
        Assert.Equal("lilei@example.com", submission.Customer.Email);
    }

    [Fact]
    public void A_customer_id_of_only_invisible_characters_is_empty()
    {
        var result = SubmissionParser.Parse(SubmissionBuilder.Valid().WithCustomerId("\u200B\u200D").ToBytes());

        Assert.Contains(result.Errors, e => e.Field == "customer.id");
    }

    [Fact]
    public void Customer_text_keeps_what_the_customer_wrote()
    {
        var submission = Parsed(SubmissionBuilder.Valid().WithSubject("Refund \u202Egpj.exe").WithDescription("家人👨‍👩‍👧也试了").ToBytes());

        Assert.Equal("Refund \u202Egpj.exe", submission.Subject);
        Assert.Equal("家人👨‍👩‍👧也试了", submission.Description);
    }

    private static ComplaintSubmission Parsed(byte[] body)
    {
        var result = SubmissionParser.Parse(body);
        Assert.True(result.IsValid, "Expected a valid submission; errors: " + string.Join(" | ", result.Errors));
        Assert.Equal(SubmissionFailure.None, result.Failure);
        Assert.Empty(result.Errors);
        return result.Submission;
    }
}
