using System.Buffers;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Core.Intake;

/// <summary>
/// Reads an intake body (the webhook's or a queue message's JSON, see <c>docs/webhook.md</c>) into a
/// <see cref="ComplaintSubmission"/>, or says everything that is wrong with it at once.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Property names are camelCase and matched exactly. Unknown properties are ignored (so a sender may add fields
/// before we read them), except near-misses of ours (<c>Description</c>, <c>order_id</c>), which are errors.</item>
/// <item>A property given twice is an error, at any level, naming it.</item>
/// <item>Strings are trimmed. An optional field that is missing, <c>null</c> or blank counts as not given.</item>
/// <item>Identifiers (<c>externalId</c>, <c>orderId</c>, <c>customer.id</c>, <c>customer.email</c>, <c>customer.phone</c>)
/// are normalised (<see cref="Identifier.Normalize"/>) before they are checked; customer text is kept as written.</item>
/// <item>Lengths count text elements (what a reader sees as one character) after trimming.</item>
/// <item>Control characters are refused everywhere, except line breaks and tabs in <c>description</c>.</item>
/// <item>The locale is <c>customer.locale</c>, else the top-level <c>locale</c>, else inferred from the text:
/// Chinese when at least a third of the letters in subject and description are Chinese characters, else English.</item>
/// </list>
/// </remarks>
public static class SubmissionParser
{
    private const string Body = "body";

    private static readonly byte[] Utf8ByteOrderMark = [0xEF, 0xBB, 0xBF];

    private static readonly string[] TopLevelFields =
        ["externalId", "channel", "customer", "subject", "description", "orderId", "locale", "metadata", "severityHint"];

    private static readonly string[] CustomerFields = ["id", "name", "email", "phone", "locale"];

    private static readonly string ChannelNames = string.Join(", ", Enum.GetValues<Channel>().Select(WireName));

    private static readonly string SeverityNames = string.Join(", ", Enum.GetValues<Severity>().Select(WireName));

    /// <summary>Parses and validates <paramref name="body"/> (UTF-8 JSON, an optional byte order mark is skipped).</summary>
    public static ParseResult Parse(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Length > SubmissionLimits.MaxBodyBytes)
        {
            return ParseResult.Invalid(SubmissionFailure.BodyTooLarge, [new FieldError(Body, string.Create(
                CultureInfo.InvariantCulture,
                $"The body is {body.Length:N0} bytes; the limit is {SubmissionLimits.MaxBodyBytes:N0} bytes (64 KiB). Shorten the description or the metadata."))]);
        }

        var json = body.AsMemory();
        if (json.Span.StartsWith(Utf8ByteOrderMark))
        {
            json = json[3..];
        }

        // Checked before parsing: System.Text.Json reads invalid UTF-8 inside strings and only fails when one is read.
        if (FirstInvalidUtf8(json.Span) is { } bad)
        {
            var at = body.Length - json.Length + bad;
            var line = json.Span[..bad].Count((byte)'\n') + 1;
            return Malformed(string.Create(CultureInfo.InvariantCulture,
                $"The body is not UTF-8: byte {at + 1:N0} (0x{body[at]:X2}, line {line}) does not begin a valid UTF-8 character. Send the JSON encoded as UTF-8; other encodings (GBK, Latin-1) are refused, not guessed."));
        }

        if (json.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return Malformed("The body is empty; send a JSON object describing the complaint (see docs/webhook.md).");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            return Malformed(DescribeSyntaxError(ex));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Malformed($"The body must be a JSON object ({{ ... }}) describing one complaint; got {Describe(root.ValueKind)}.");
            }

            var reader = new FieldReader();
            var submission = reader.ReadSubmission(root);
            return reader.Errors.Count == 0 && submission is not null
                ? ParseResult.Valid(submission)
                : ParseResult.Invalid(SubmissionFailure.InvalidFields, reader.Errors);
        }
    }

    /// <summary>
    /// Reads a locale tag: any <c>zh</c> tag (<c>zh</c>, <c>zh-CN</c>, <c>zh-Hans</c>, <c>zh_TW</c>) is Chinese and
    /// any <c>en</c> tag (<c>en</c>, <c>en-US</c>, <c>en-GB</c>) is English, case-insensitively.
    /// </summary>
    public static bool TryParseLocale(string? tag, out Locale locale)
    {
        locale = Locale.En;
        if (string.IsNullOrWhiteSpace(tag))
        {
            return false;
        }

        var subtags = tag.Trim().Split('-', '_');
        if (subtags.Any(s => s.Length is 0 or > 8 || !s.All(char.IsAsciiLetterOrDigit)))
        {
            return false;
        }

        switch (subtags[0].ToUpperInvariant())
        {
            case "ZH":
                locale = Locale.Zh;
                return true;
            case "EN":
                locale = Locale.En;
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// The locale a text is most likely written in: Chinese when at least a third of its letters are Chinese
    /// characters (a Chinese character carries about as much as an English word), else English.
    /// </summary>
    public static Locale InferLocale(string? text)
    {
        int chinese = 0, other = 0;
        foreach (var rune in (text ?? "").EnumerateRunes())
        {
            if (IsHan(rune.Value))
            {
                chinese++;
            }
            else if (Rune.IsLetter(rune))
            {
                other++;
            }
        }

        return chinese > 0 && chinese * 2 >= other ? Locale.Zh : Locale.En;
    }

    /// <summary>The wire name of an enum value: <c>AppFeedback</c> is <c>app-feedback</c>.</summary>
    public static string WireName<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }

    private static bool IsHan(int codePoint) =>
        codePoint is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x3134F);

    private static int? FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return null;
        }

        Span<char> chars = stackalloc char[256];
        var offset = 0;
        while (true)
        {
            var status = Utf8.ToUtf16(bytes[offset..], chars, out var read, out _, replaceInvalidSequences: false);
            offset += read;
            if (status != OperationStatus.DestinationTooSmall)
            {
                return offset;
            }
        }
    }

    private static ParseResult Malformed(string message) =>
        ParseResult.Invalid(SubmissionFailure.MalformedBody, [new FieldError(Body, message)]);

    private static string DescribeSyntaxError(JsonException ex)
    {
        // System.Text.Json appends " LineNumber: 0 | BytePositionInLine: 16." to its message; we say it once, 1-based.
        var reason = ex.Message;
        var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0)
        {
            reason = reason[..cut];
        }

        reason = reason.Replace(" Change the reader options.", "", StringComparison.Ordinal);

        return ex.LineNumber is { } line && ex.BytePositionInLine is { } position
            ? string.Create(CultureInfo.InvariantCulture, $"The body is not valid JSON (line {line + 1}, byte {position + 1} of that line): {reason}")
            : $"The body is not valid JSON: {reason}";
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static bool TryParseEnum<T>(string text, out T value)
        where T : struct, Enum
    {
        // Not Enum.TryParse: it would take "1" or "Web,Email". Kebab-case, snake_case and PascalCase are all fine.
        var bare = text.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(candidate.ToString(), bare, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static string Quote(string text) => text.Length <= 40 ? $"'{text}'" : $"'{text[..40]}…'";

    /// <summary>Reads fields in schema order and collects every error on the way.</summary>
    private sealed class FieldReader
    {
        public List<FieldError> Errors { get; } = [];

        public ComplaintSubmission? ReadSubmission(JsonElement root)
        {
            var fields = Properties(root, "", TopLevelFields);

            var externalId = Text(fields, "externalId", "externalId", SubmissionLimits.MaxIdLength, identifier: true);
            var channel = ReadChannel(fields);
            var customer = ReadCustomer(fields);
            var subject = Text(fields, "subject", "subject", SubmissionLimits.MaxSubjectLength);
            var description = Text(fields, "description", "description", SubmissionLimits.MaxDescriptionLength, required: true, lineBreaks: true);
            var orderId = Text(fields, "orderId", "orderId", SubmissionLimits.MaxIdLength, identifier: true);
            var locale = ReadLocale(fields, "locale", "locale");
            var metadata = ReadMetadata(fields);
            var severityHint = ReadSeverityHint(fields);

            if (Errors.Count > 0 || channel is null || customer is null || description is null)
            {
                return null;
            }

            var resolved = customer.Locale ?? locale ?? InferLocale(subject + "\n" + description);
            return new ComplaintSubmission(
                externalId,
                channel.Value,
                new Customer(customer.Id, customer.Name, customer.Email, customer.Phone, resolved),
                subject,
                description,
                orderId,
                metadata,
                severityHint);
        }

        private Channel? ReadChannel(Dictionary<string, JsonElement> fields)
        {
            var text = Text(fields, "channel", "channel", 40, required: true, requiredHint: $" One of: {ChannelNames}.");
            if (text is null)
            {
                return null;
            }

            if (TryParseEnum<Channel>(text, out var channel))
            {
                return channel;
            }

            Add("channel", $"channel {Quote(text)} is not a channel we know; use one of: {ChannelNames}.");
            return null;
        }

        private CustomerParts? ReadCustomer(Dictionary<string, JsonElement> fields)
        {
            const string path = "customer";
            if (!fields.TryGetValue(path, out var element) || element.ValueKind == JsonValueKind.Null)
            {
                Add(path, "customer is required: an object with the customer's 'id' and an 'email' or 'phone' to reach them.");
                return null;
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                Add(path, $"customer must be an object (with 'id' and an 'email' or 'phone'); got {Describe(element.ValueKind)}.");
                return null;
            }

            var customer = Properties(element, path + ".", CustomerFields);
            var id = Text(customer, "id", "customer.id", SubmissionLimits.MaxIdLength, required: true, requiredHint: " It is your id for the customer, e.g. \"u-1001\".", identifier: true);
            var name = Text(customer, "name", "customer.name", SubmissionLimits.MaxNameLength);
            var email = Text(customer, "email", "customer.email", SubmissionLimits.MaxEmailLength, identifier: true);
            var phone = Text(customer, "phone", "customer.phone", 40, identifier: true);
            var locale = ReadLocale(customer, "locale", "customer.locale");

            if (email is not null && !IsEmail(email))
            {
                Add("customer.email", "customer.email is not an email address; it must look like name@example.com (one @, a domain with a dot, no spaces).");
            }

            if (phone is not null)
            {
                phone = NormalizePhone(phone);
                if (phone is null)
                {
                    Add("customer.phone", string.Create(CultureInfo.InvariantCulture, $"customer.phone is not a phone number; use digits with an optional leading + and country code (E.164, e.g. +8613800000000), {SubmissionLimits.MinPhoneDigits} to {SubmissionLimits.MaxPhoneDigits} digits; spaces, dashes, dots and parentheses are allowed."));
                }
            }

            if (email is null && phone is null && !Errors.Any(e => e.Field is "customer.email" or "customer.phone"))
            {
                Add(path, "customer needs a way to be reached: give 'email', 'phone' or both.");
            }

            return id is null ? null : new CustomerParts(id, name, email, phone, locale);
        }

        private Locale? ReadLocale(Dictionary<string, JsonElement> fields, string name, string path)
        {
            var text = Text(fields, name, path, 35);
            if (text is null)
            {
                return null;
            }

            if (TryParseLocale(text, out var locale))
            {
                return locale;
            }

            Add(path, $"{path} {Quote(text)} is not supported; use a Chinese or English language tag such as zh-CN, zh, en or en-US (or leave it out to infer it from the text).");
            return null;
        }

        private ReadOnlyDictionary<string, string> ReadMetadata(Dictionary<string, JsonElement> fields)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!fields.TryGetValue("metadata", out var element) || element.ValueKind == JsonValueKind.Null)
            {
                return result.AsReadOnly();
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                Add("metadata", $"metadata must be an object of string values, e.g. {{\"appVersion\": \"5.2.1\", \"os\": \"Android 14\"}}; got {Describe(element.ValueKind)}.");
                return result.AsReadOnly();
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var count = 0;
            foreach (var property in element.EnumerateObject())
            {
                count++;
                var key = property.Name;
                if (!IsMetadataKey(key))
                {
                    Add("metadata", string.Create(CultureInfo.InvariantCulture, $"metadata key {Quote(key)} is not allowed; keys are 1 to {SubmissionLimits.MaxMetadataKeyLength} letters, digits, '_' or '-' (e.g. appVersion, os, device)."));
                    continue;
                }

                var path = "metadata." + key;
                if (!seen.Add(key))
                {
                    Add(path, $"{path} appears more than once; send each metadata key once.");
                    continue;
                }

                if (property.Value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    Add(path, $"{path} must be a string; got {Describe(property.Value.ValueKind)}. Quote it, e.g. \"{key}\": \"{property.Value.GetRawText()}\".");
                    continue;
                }

                if (StringValue(property.Value, path) is { } value && CheckText(path, value.Trim(), SubmissionLimits.MaxMetadataValueLength, lineBreaks: false))
                {
                    result[key] = value.Trim();
                }
            }

            if (count > SubmissionLimits.MaxMetadataEntries)
            {
                Add("metadata", string.Create(CultureInfo.InvariantCulture, $"metadata has {count} entries; the limit is {SubmissionLimits.MaxMetadataEntries}. Send only what helps to handle the complaint (app version, OS, device)."));
            }

            return result.AsReadOnly();
        }

        private Severity? ReadSeverityHint(Dictionary<string, JsonElement> fields)
        {
            var text = Text(fields, "severityHint", "severityHint", 20);
            if (text is null)
            {
                return null;
            }

            if (TryParseEnum<Severity>(text, out var severity))
            {
                return severity;
            }

            Add("severityHint", $"severityHint {Quote(text)} is not a severity; use one of: {SeverityNames} (or leave it out).");
            return null;
        }

        /// <summary>The object's properties by name (first occurrence); reports duplicates and near-misses of <paramref name="known"/>.</summary>
        private Dictionary<string, JsonElement> Properties(JsonElement element, string prefix, string[] known)
        {
            var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                var name = property.Name;
                if (known.Contains(name, StringComparer.Ordinal))
                {
                    if (!fields.TryAdd(name, property.Value) && reported.Add(name))
                    {
                        Add(prefix + name, $"{prefix}{name} appears more than once; send each property once.");
                    }

                    continue;
                }

                var bare = name.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
                var meant = known.FirstOrDefault(k => string.Equals(k, bare, StringComparison.OrdinalIgnoreCase));
                if (meant is not null)
                {
                    Add(prefix + name, $"{prefix}{name} is not a field; property names are camelCase: use '{meant}'.");
                }

                // Anything else is not ours: ignored, so senders may add fields before we read them.
            }

            return fields;
        }

        /// <summary>A trimmed string field; null when missing, null or blank (an error when <paramref name="required"/>) or invalid.</summary>
        private string? Text(
            Dictionary<string, JsonElement> fields, string name, string path, int maxLength, bool required = false, bool lineBreaks = false, string requiredHint = "", bool identifier = false)
        {
            if (!fields.TryGetValue(name, out var element) || element.ValueKind == JsonValueKind.Null)
            {
                if (required)
                {
                    Add(path, $"{path} is required.{requiredHint}");
                }

                return null;
            }

            if (element.ValueKind != JsonValueKind.String)
            {
                Add(path, $"{path} must be a string; got {Describe(element.ValueKind)}.");
                return null;
            }

            var value = StringValue(element, path)?.Trim();
            if (value is null)
            {
                return null;
            }

            if (identifier)
            {
                value = Identifier.Normalize(value).Trim();
            }

            if (value.Length == 0)
            {
                if (required)
                {
                    Add(path, $"{path} must not be empty or only spaces.{requiredHint}");
                }

                return null;
            }

            return CheckText(path, value, maxLength, lineBreaks) ? value : null;
        }

        private string? StringValue(JsonElement element, string path)
        {
            try
            {
                return element.GetString();
            }
            catch (InvalidOperationException)
            {
                Add(path, $"{path} is not valid text: it holds a lone \\u surrogate escape (such as \\ud83d without its pair); escape characters outside the BMP (emoji) as a surrogate pair, or send them as UTF-8.");
                return null;
            }
        }

        private bool CheckText(string path, string value, int maxLength, bool lineBreaks)
        {
            var ok = true;
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (char.IsControl(c) && !(lineBreaks && c is '\n' or '\r' or '\t'))
                {
                    var allowed = lineBreaks ? "only line breaks (\\n, \\r) and tabs are allowed" : "control characters, line breaks and tabs are not allowed here";
                    Add(path, string.Create(CultureInfo.InvariantCulture, $"{path} contains the control character U+{(int)c:X4} at position {i + 1}; {allowed}."));
                    ok = false;
                    break;
                }
            }

            var length = new StringInfo(value).LengthInTextElements;
            if (length > maxLength)
            {
                Add(path, string.Create(CultureInfo.InvariantCulture, $"{path} is {length:N0} characters long; the limit is {maxLength:N0}."));
                ok = false;
            }

            return ok;
        }

        private void Add(string field, string message) => Errors.Add(new FieldError(field, message));
    }

    private sealed record CustomerParts(string Id, string? Name, string? Email, string? Phone, Locale? Locale);

    private static bool IsMetadataKey(string key) =>
        key.Length is > 0 and <= SubmissionLimits.MaxMetadataKeyLength && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    private static string? NormalizePhone(string phone)
    {
        var international = phone.StartsWith('+');
        var digits = new StringBuilder(phone.Length);
        foreach (var c in international ? phone[1..] : phone)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')'))
            {
                return null;
            }
        }

        var count = digits.Length;
        return count is >= SubmissionLimits.MinPhoneDigits and <= SubmissionLimits.MaxPhoneDigits && !(international && digits[0] == '0')
            ? (international ? "+" : "") + digits
            : null;
    }

    private static bool IsEmail(string email)
    {
        var at = email.LastIndexOf('@');
        if (at <= 0 || at == email.Length - 1)
        {
            return false;
        }

        var local = email[..at];
        var domain = email[(at + 1)..];
        if (local.Length > 64 || local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal)
            || !local.All(c => char.IsLetterOrDigit(c) || "!#$%&'*+/=?^_`{|}~.-".Contains(c, StringComparison.Ordinal)))
        {
            return false;
        }

        var labels = domain.Split('.');
        return labels.Length >= 2
            && labels.All(l => l.Length is > 0 and <= 63 && !l.StartsWith('-') && !l.EndsWith('-') && l.All(c => char.IsLetterOrDigit(c) || c == '-'))
            && !labels[^1].All(char.IsAsciiDigit);
    }
}
