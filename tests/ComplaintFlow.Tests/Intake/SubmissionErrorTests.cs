using System.Globalization;
using System.Text;
using ComplaintFlow.Core.Intake;
using ComplaintFlow.Tests.Builders;

namespace ComplaintFlow.Tests.Intake;

/// <summary>What an app developer sees for a wrong body: the failure kind, and every field at fault named with a useful sentence.</summary>
public sealed class SubmissionErrorTests
{
    [Fact]
    public void Body_over_64_KiB_is_too_large_and_names_the_body()
    {
        var body = SubmissionBuilder.Valid().WithDescription("x").ToBytes();
        var padded = new byte[SubmissionLimits.MaxBodyBytes + 1];
        Array.Fill(padded, (byte)' ');
        body.CopyTo(padded, 0);

        var result = SubmissionParser.Parse(padded);

        Assert.False(result.IsValid);
        Assert.Equal(SubmissionFailure.BodyTooLarge, result.Failure);
        var error = Assert.Single(result.Errors);
        Assert.Equal("body", error.Field);
        Assert.Contains("65,537", error.Message, StringComparison.Ordinal);
        Assert.Contains("65,536", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_of_exactly_64_KiB_is_read()
    {
        var body = SubmissionBuilder.Valid().WithDescription("x").ToBytes();
        var padded = new byte[SubmissionLimits.MaxBodyBytes];
        Array.Fill(padded, (byte)' ');
        body.CopyTo(padded, 0);

        Assert.True(SubmissionParser.Parse(padded).IsValid);
    }

    [Fact]
    public void Truncated_json_is_malformed_with_the_line_and_position()
    {
        var result = SubmissionParser.Parse("{\n\"description\": "u8.ToArray());

        Assert.Equal(SubmissionFailure.MalformedBody, result.Failure);
        var error = Assert.Single(result.Errors);
        Assert.Equal("body", error.Field);
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[{\"description\": \"x\"}]", "an array")]
    [InlineData("\"just text\"", "a string")]
    [InlineData("42", "a number")]
    [InlineData("null", "null")]
    public void Json_that_is_not_an_object_is_malformed_saying_what_it_got(string json, string got)
    {
        var result = SubmissionParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(SubmissionFailure.MalformedBody, result.Failure);
        Assert.Contains("must be a JSON object", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        Assert.Contains(got, result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \r\n ")]
    public void Empty_body_is_malformed(string body)
    {
        var result = SubmissionParser.Parse(Encoding.UTF8.GetBytes(body));
        Assert.Equal(SubmissionFailure.MalformedBody, result.Failure);
        Assert.Contains("empty", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_a_malformed_body_not_garbled()
    {
        var body = SubmissionBuilder.Valid().WithDescription("AB").ToBytes();
        var at = Array.IndexOf(body, (byte)'A');
        body[at] = 0xFF;

        var result = SubmissionParser.Parse(body);

        Assert.Equal(SubmissionFailure.MalformedBody, result.Failure);
        var error = Assert.Single(result.Errors);
        Assert.Equal("body", error.Field);
        Assert.Contains("not UTF-8", error.Message, StringComparison.Ordinal);
        Assert.Contains($"byte {at + 1:N0}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_in_a_property_name_is_a_malformed_body()
    {
        var valid = SubmissionBuilder.Valid().ToBytes();
        byte[] body = [.. valid[..^1], .. ",\"caf"u8, 0xE9, .. "\":1}"u8]; // "café" in ISO-8859-1

        Assert.Equal(SubmissionFailure.MalformedBody, SubmissionParser.Parse(body).Failure);
    }

    [Fact]
    public void A_lone_surrogate_escape_is_refused_naming_its_field()
    {
        var result = SubmissionParser.Parse(SubmissionBuilder.Valid().WithoutField("subject").WithRawField("subject", "\"\\ud83d\"").ToBytes());

        Assert.Equal(SubmissionFailure.InvalidFields, result.Failure);
        Assert.Contains("surrogate", Message(result, "subject"), StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_description_and_bad_email_are_both_reported_with_their_fields()
    {
        var result = Invalid(SubmissionBuilder.Valid().WithDescription("  ").WithEmail("not-an-email"));

        Assert.Equal(["customer.email", "description"], result.Errors.Select(e => e.Field));
        Assert.Contains("must not be empty", Message(result, "description"), StringComparison.Ordinal);
        Assert.Contains("name@example.com", Message(result, "customer.email"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_in_schema_order()
    {
        var result = Invalid(SubmissionBuilder.Valid()
            .WithExternalId(new string('e', 101))
            .WithChannel("fax")
            .WithCustomerId(null)
            .WithEmail("a@b")
            .WithPhone("call me")
            .WithSubject(new string('s', 201))
            .WithDescription(null)
            .WithLocale("fr-FR")
            .WithMetadata("appVersion", null).WithRawField("severityHint", "3"));

        Assert.Equal(
            ["externalId", "channel", "customer.id", "customer.email", "customer.phone", "subject", "description", "locale", "severityHint"],
            result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Missing_description_channel_and_customer_each_say_they_are_required()
    {
        var result = Invalid(SubmissionBuilder.Valid().WithDescription(null).WithChannel(null).WithoutField("customer"));

        Assert.Contains("required", Message(result, "description"), StringComparison.Ordinal);
        Assert.Contains("app-feedback, web, email, phone-hotline, social, queue", Message(result, "channel"), StringComparison.Ordinal);
        Assert.Contains("'id'", Message(result, "customer"), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_channel_lists_the_allowed_values()
    {
        var result = Invalid(SubmissionBuilder.Valid().WithChannel("carrier-pigeon"));
        var message = Message(result, "channel");
        Assert.Contains("'carrier-pigeon'", message, StringComparison.Ordinal);
        Assert.Contains("app-feedback, web, email, phone-hotline, social, queue", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("chinese")]
    [InlineData("zh--CN")]
    public void Unsupported_locale_says_which_tags_are_allowed(string tag)
    {
        var message = Message(Invalid(SubmissionBuilder.Valid().WithLocale(tag)), "locale");
        Assert.Contains("zh-CN", message, StringComparison.Ordinal);
        Assert.Contains("en-US", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsupported_customer_locale_names_the_nested_field() =>
        Assert.Contains("not supported", Message(Invalid(SubmissionBuilder.Valid().WithCustomerLocale("de")), "customer.locale"), StringComparison.Ordinal);

    [Fact]
    public void Unknown_severity_hint_lists_the_allowed_values() =>
        Assert.Contains("low, normal, high, urgent", Message(Invalid(SubmissionBuilder.Valid().WithSeverityHint("critical")), "severityHint"), StringComparison.Ordinal);

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("two@@example.com")]
    [InlineData("space in@example.com")]
    [InlineData("user@localhost")]
    [InlineData("user@example.")]
    [InlineData(".user@example.com")]
    [InlineData("user@-example.com")]
    [InlineData("user@example.123")]
    public void Malformed_email_is_refused(string email) =>
        Assert.Contains("email address", Message(Invalid(SubmissionBuilder.Valid().WithEmail(email)), "customer.email"), StringComparison.Ordinal);

    [Fact]
    public void Email_over_254_characters_is_refused_with_the_limit()
    {
        var email = new string('a', 64) + "@" + string.Join(".", Enumerable.Repeat(new string('d', 60), 3)) + ".example.com";
        Assert.True(email.Length > 254);
        Assert.Contains("254", Message(Invalid(SubmissionBuilder.Valid().WithEmail(email)), "customer.email"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("call me")]
    [InlineData("12345")]
    [InlineData("+1234567890123456")]
    [InlineData("+0086 138 0000 0000")]
    [InlineData("138+0000+0000")]
    public void Malformed_phone_is_refused_saying_what_a_number_looks_like(string phone) =>
        Assert.Contains("+8613800000000", Message(Invalid(SubmissionBuilder.Valid().WithPhone(phone)), "customer.phone"), StringComparison.Ordinal);

    [Fact]
    public void Customer_without_email_or_phone_cannot_be_reached()
    {
        var result = Invalid(SubmissionBuilder.Valid().WithEmail(null).WithPhone(null));
        Assert.Contains("email", Message(result, "customer"), StringComparison.Ordinal);
        Assert.Contains("phone", Message(result, "customer"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("description", "42", "a number")]
    [InlineData("subject", "true", "true/false")]
    [InlineData("externalId", "[\"a\"]", "an array")]
    [InlineData("channel", "{}", "an object")]
    [InlineData("severityHint", "3", "a number")]
    public void Wrong_json_type_names_the_field_and_what_was_sent(string field, string rawJson, string got)
    {
        var result = Invalid(SubmissionBuilder.Valid().WithoutField(field).WithRawField(field, rawJson));

        var message = Message(result, field);
        Assert.Contains("must be a string", message, StringComparison.Ordinal);
        Assert.Contains(got, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Customer_that_is_not_an_object_names_the_customer()
    {
        var result = Invalid(SubmissionBuilder.Valid().WithoutField("customer").WithRawField("customer", "\"u-1001\""));
        Assert.Contains("must be an object", Message(result, "customer"), StringComparison.Ordinal);
    }

    [Fact]
    public void Number_in_the_customer_names_the_nested_field()
    {
        var result = Invalid(SubmissionBuilder.Valid().WithCustomerId(null).WithRawCustomerField("id", "1001"));
        Assert.Contains("must be a string", Message(result, "customer.id"), StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_property_is_named_at_the_top_level_and_in_the_customer()
    {
        var result = Invalid(SubmissionBuilder.Valid()
            .WithRawField("description", "\"a second description\"")
            .WithRawCustomerField("email", "\"other@example.com\""));

        Assert.Contains("more than once", Message(result, "description"), StringComparison.Ordinal);
        Assert.Contains("more than once", Message(result, "customer.email"), StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_metadata_key_is_named()
    {
        var result = Invalid(SubmissionBuilder.Valid().WithMetadata("os", "Android 14").WithMetadata("os", "iOS 18"));
        Assert.Contains("more than once", Message(result, "metadata.os"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Description", "description")]
    [InlineData("order_id", "orderId")]
    [InlineData("SeverityHint", "severityHint")]
    public void Near_miss_property_name_says_which_name_to_use(string sent, string meant)
    {
        var result = Invalid(SubmissionBuilder.Valid().WithRawField(sent, "\"x\""));
        Assert.Contains($"'{meant}'", Message(result, sent), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("subject", SubmissionLimits.MaxSubjectLength)]
    [InlineData("description", SubmissionLimits.MaxDescriptionLength)]
    [InlineData("externalId", SubmissionLimits.MaxIdLength)]
    [InlineData("orderId", SubmissionLimits.MaxIdLength)]
    [InlineData("customer.id", SubmissionLimits.MaxIdLength)]
    [InlineData("customer.name", SubmissionLimits.MaxNameLength)]
    public void Text_at_its_limit_is_accepted_and_one_character_more_is_refused_with_the_limit(string field, int limit)
    {
        Assert.True(SubmissionParser.Parse(WithText(field, new string('字', limit)).ToBytes()).IsValid);

        var message = Message(Invalid(WithText(field, new string('字', limit + 1))), field);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{limit + 1:N0} characters"), message, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"limit is {limit:N0}"), message, StringComparison.Ordinal);
    }

    [Fact]
    public void Emoji_count_as_one_character_each_towards_the_limit()
    {
        // 8,000 emoji are 16,000 UTF-16 code units and 32,000 bytes: still 8,000 characters as the customer sees them.
        var atLimit = string.Concat(Enumerable.Repeat("😡", SubmissionLimits.MaxDescriptionLength));
        Assert.True(SubmissionParser.Parse(SubmissionBuilder.Valid().WithDescription(atLimit).ToBytes()).IsValid);

        var over = Invalid(SubmissionBuilder.Valid().WithDescription(atLimit + "👍"));
        Assert.Contains("8,001 characters", Message(over, "description"), StringComparison.Ordinal);
    }

    [Fact]
    public void Trimmed_white_space_does_not_count_towards_the_limit() =>
        Assert.True(SubmissionParser.Parse(SubmissionBuilder.Valid().WithSubject("  " + new string('s', SubmissionLimits.MaxSubjectLength) + "  ").ToBytes()).IsValid);

    [Theory]
    [InlineData("description", "Bell\u0007here")]
    [InlineData("description", "Null\u0000byte")]
    [InlineData("subject", "Two\nlines")]
    [InlineData("subject", "Escape\u001B[31m")]
    [InlineData("customer.name", "Li\tLei")]
    [InlineData("orderId", "12\u00853")]
    public void Control_characters_are_refused_with_the_code_point(string field, string text)
    {
        var message = Message(Invalid(WithText(field, text)), field);
        Assert.Contains("control character U+", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_breaks_and_tabs_are_allowed_in_the_description_only() =>
        Assert.Equal("Line one\nLine two\r\n\tindented", Parsed(SubmissionBuilder.Valid().WithDescription("Line one\nLine two\r\n\tindented")).Description);

    [Fact]
    public void Lone_surrogate_escape_is_refused_naming_the_field()
    {
        var result = Invalid(SubmissionBuilder.Valid().WithDescription(null).WithRawField("description", "\"broken \\ud83d here\""));
        Assert.Contains("surrogate", Message(result, "description"), StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_must_be_an_object_of_strings_with_simple_keys()
    {
        var result = Invalid(SubmissionBuilder.Valid()
            .WithMetadata("bad key!", "x")
            .WithMetadata("device", new string('d', SubmissionLimits.MaxMetadataValueLength + 1)));

        Assert.Contains("'bad key!'", Message(result, "metadata"), StringComparison.Ordinal);
        Assert.Contains("limit is 200", Message(result, "metadata.device"), StringComparison.Ordinal);

        var numeric = Invalid(SubmissionBuilder.Valid().WithoutField("metadata").WithRawField("metadata", "{\"build\": 42}"));
        Assert.Contains("\"build\": \"42\"", Message(numeric, "metadata.build"), StringComparison.Ordinal);

        var array = Invalid(SubmissionBuilder.Valid().WithRawField("metadata", "[\"os\"]"));
        Assert.Contains("must be an object", Message(array, "metadata"), StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_is_limited_in_entries()
    {
        var builder = SubmissionBuilder.Valid();
        for (var i = 0; i < SubmissionLimits.MaxMetadataEntries; i++)
        {
            builder.WithMetadata($"key{i}", "v");
        }

        Assert.Equal(SubmissionLimits.MaxMetadataEntries, Parsed(builder).Metadata.Count);

        builder.WithMetadata("oneTooMany", "v");
        Assert.Contains("21 entries", Message(Invalid(builder), "metadata"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_message_is_a_sentence_naming_its_field()
    {
        var result = Invalid(SubmissionBuilder.Valid().WithChannel("fax").WithEmail("x").WithPhone("y").WithDescription("").WithLocale("xx").WithSeverityHint("max"));

        Assert.All(result.Errors, e =>
        {
            Assert.StartsWith(e.Field, e.Message, StringComparison.Ordinal);
            Assert.EndsWith(".", e.Message, StringComparison.Ordinal);
        });
    }

    private static SubmissionBuilder WithText(string field, string text)
    {
        var builder = SubmissionBuilder.Valid();
        return field switch
        {
            "subject" => builder.WithSubject(text),
            "description" => builder.WithDescription(text),
            "externalId" => builder.WithExternalId(text),
            "orderId" => builder.WithOrderId(text),
            "customer.id" => builder.WithCustomerId(text),
            "customer.name" => builder.WithName(text),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "No builder method for this field."),
        };
    }

    private static ComplaintSubmission Parsed(SubmissionBuilder builder)
    {
        var result = SubmissionParser.Parse(builder.ToBytes());
        Assert.True(result.IsValid, string.Join(" | ", result.Errors));
        return result.Submission;
    }

    private static ParseResult Invalid(SubmissionBuilder builder)
    {
        var result = SubmissionParser.Parse(builder.ToBytes());
        Assert.False(result.IsValid);
        Assert.Null(result.Submission);
        Assert.Equal(SubmissionFailure.InvalidFields, result.Failure);
        return result;
    }

    private static string Message(ParseResult result, string field)
    {
        var errors = result.Errors.Where(e => e.Field == field).ToArray();
        Assert.True(errors.Length > 0, $"No error for '{field}'; errors: {string.Join(" | ", result.Errors)}");
        return string.Join(" ", errors.Select(e => e.Message));
    }
}
