using System.Text.Json;
using System.Text.Json.Serialization;
using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Infrastructure.Storage;

/// <summary>Stores a <see cref="ComplaintId"/> as its text form.</summary>
internal sealed class ComplaintIdJsonConverter : JsonConverter<ComplaintId>
{
    public override ComplaintId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ComplaintId.Parse(reader.GetString() ?? throw new JsonException("A complaint id is null."));

    public override void Write(Utf8JsonWriter writer, ComplaintId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
