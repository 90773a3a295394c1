using Azure.Data.Tables;
using ComplaintFlow.Infrastructure.Storage;

namespace ComplaintFlow.Local.Durable;

/// <summary>
/// The durable store's payloads in Table Storage: long strings split by <see cref="TableText"/>, and an entity that
/// would pass the service's 1 MiB limit refused with a clear exception rather than being truncated.
/// </summary>
internal static class TablePayload
{
    /// <summary>Characters per property, below the service's 32,768 so a split never has to land inside a surrogate pair at the limit.</summary>
    public const int PartLength = 32_000;

    /// <summary>What an entity may weigh, kept below the service's 1 MiB for the names, keys and system properties.</summary>
    public const int MaxEntityBytes = 1_000_000;

    public static void Write(TableEntity entity, string name, string? value) => TableText.Write(entity, name, value, PartLength);

    public static string? Read(TableEntity entity, string name) => TableText.Read(entity, name);

    /// <summary>Throws when the entity is larger than Table Storage accepts, naming what is too large.</summary>
    public static void EnsureFits(TableEntity entity, string what)
    {
        var bytes = EstimateBytes(entity);
        if (bytes > MaxEntityBytes)
        {
            throw new DurablePayloadTooLargeException(
                $"{what} needs about {bytes:N0} bytes in Table Storage, more than the {MaxEntityBytes:N0} one entity holds. " +
                "Keep orchestration inputs, outputs, events and custom status small (store large content elsewhere and pass a reference).");
        }
    }

    public static int EstimateBytes(TableEntity entity)
    {
        var bytes = 2 * (entity.PartitionKey.Length + entity.RowKey.Length);
        foreach (var (key, value) in entity)
        {
            bytes += 8 + (2 * key.Length) + value switch
            {
                string text => 4 + (2 * text.Length),
                byte[] data => 4 + data.Length,
                _ => 8,
            };
        }

        return bytes;
    }
}
