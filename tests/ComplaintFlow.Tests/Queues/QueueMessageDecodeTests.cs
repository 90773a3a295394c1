using System.Text;
using ComplaintFlow.Infrastructure.Queues;

namespace ComplaintFlow.Tests.Queues;

/// <summary>What a sender may put on the intake queue: the JSON itself, or its base64, with or without a byte-order mark.</summary>
public sealed class QueueMessageDecodeTests
{
    private const string Json = """{"description":"订单 123 配送超时 😡"}""";

    [Fact]
    public void Plain_json_is_taken_as_it_is() => Assert.Equal(Json, Encoding.UTF8.GetString(QueueIntakeProcessor.Decode(Json)));

    [Fact]
    public void Base64_json_is_decoded() =>
        Assert.Equal(Json, Encoding.UTF8.GetString(QueueIntakeProcessor.Decode(Convert.ToBase64String(Encoding.UTF8.GetBytes(Json)))));

    [Fact]
    public void Base64_json_that_starts_with_a_byte_order_mark_is_decoded_without_it()
    {
        var withMark = Convert.ToBase64String([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Json)]);

        Assert.Equal(Json, Encoding.UTF8.GetString(QueueIntakeProcessor.Decode(withMark)));
    }

    [Fact]
    public void Base64_of_something_that_is_not_json_is_left_as_text_for_the_parser_to_refuse()
    {
        var notJson = Convert.ToBase64String("hello world!"u8.ToArray());

        Assert.Equal(notJson, Encoding.UTF8.GetString(QueueIntakeProcessor.Decode(notJson)));
    }
}
