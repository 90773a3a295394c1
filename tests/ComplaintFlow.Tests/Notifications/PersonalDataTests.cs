using ComplaintFlow.Core.Notifications;

namespace ComplaintFlow.Tests.Notifications;

public sealed class PersonalDataTests
{
    [Theory]
    [InlineData("lilei@example.com", "l***@example.com")]
    [InlineData("  Han.Meimei@mail.example.cn ", "H***@mail.example.cn")]
    [InlineData("not-an-address", "***")]
    [InlineData("@example.com", "***")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Emails_are_masked_to_their_first_letter_and_domain(string? email, string expected) =>
        Assert.Equal(expected, PersonalData.MaskEmail(email));

    [Theory]
    [InlineData("+8613800000000", "+86*******0000")]
    [InlineData("+86 138-0000-1234", "+86*******1234")]
    [InlineData("13800001234", "*******1234")]
    [InlineData("12345", "*****")]
    [InlineData("no digits", "***")]
    [InlineData(null, "")]
    public void Phones_keep_only_the_country_code_and_last_four_digits(string? phone, string expected) =>
        Assert.Equal(expected, PersonalData.MaskPhone(phone));

    [Fact]
    public void Email_message_describes_itself_without_the_address()
    {
        var message = new EmailMessage("C-1.acknowledgement.r1", "lilei@example.com", "李雷", "s", "<p>h</p>", "t", EmailKind.Acknowledgement, "C-1");

        Assert.DoesNotContain("lilei", message.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("李雷", message.ToString(), StringComparison.Ordinal);
    }
}
