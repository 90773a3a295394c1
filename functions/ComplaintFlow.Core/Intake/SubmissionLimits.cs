namespace ComplaintFlow.Core.Intake;

/// <summary>
/// The bounds of an intake submission (documented in <c>docs/webhook.md</c>). Text lengths count what a reader sees
/// as characters (text elements: an emoji or a Chinese character is one), so a sender that counts UTF-16 code units
/// (JavaScript's or Java's <c>length</c>) never lets through more than we accept.
/// </summary>
public static class SubmissionLimits
{
    /// <summary>The largest body accepted, in bytes (64 KiB).</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>The longest <c>description</c>.</summary>
    public const int MaxDescriptionLength = 8_000;

    /// <summary>The longest <c>subject</c>.</summary>
    public const int MaxSubjectLength = 200;

    /// <summary>The longest <c>externalId</c>, <c>orderId</c> and <c>customer.id</c>.</summary>
    public const int MaxIdLength = 100;

    /// <summary>The longest <c>customer.name</c>.</summary>
    public const int MaxNameLength = 100;

    /// <summary>The longest <c>customer.email</c> (RFC 5321's limit for a forward path).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>The fewest digits in <c>customer.phone</c>.</summary>
    public const int MinPhoneDigits = 6;

    /// <summary>The most digits in <c>customer.phone</c> (E.164's limit).</summary>
    public const int MaxPhoneDigits = 15;

    /// <summary>The most entries in <c>metadata</c>.</summary>
    public const int MaxMetadataEntries = 20;

    /// <summary>The longest key in <c>metadata</c>.</summary>
    public const int MaxMetadataKeyLength = 40;

    /// <summary>The longest value in <c>metadata</c>.</summary>
    public const int MaxMetadataValueLength = 200;
}
