using System.Globalization;
using Azure.Data.Tables;

namespace ComplaintFlow.Local.Durable;

/// <summary>
/// Stores strings longer than one Table Storage property allows (64 KiB = 32K UTF-16 chars) across numbered properties
/// (<c>Data</c>, <c>Data1</c>, <c>Data2</c>, … and <c>DataParts</c>) and joins them back. An entity that would pass the
/// service's 1 MiB limit is refused with a clear exception rather than being truncated.
/// </summary>
internal static class TablePayload
{
    /// <summary>Characters per property, below the service's 32,768 so a split never has to land inside a surrogate pair at the limit.</summary>
    public const int PartLength = 32_000;

    /// <summary>What an entity may weigh, kept below the service's 1 MiB for the names, keys and system properties.</summary>
    public const int MaxEntityBytes = 1_000_000;

    public static void Write(TableEntity entity, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length <= PartLength)
        {
            entity[name] = value;
            return;
        }

        var part = 0;
        for (var start = 0; start < value.Length; part++)
        {
            var length = Math.Min(PartLength, value.Length - start);
            if (start + length < value.Length && char.IsHighSurrogate(value[start + length - 1]))
            {
                length--;
            }

            entity[PartName(name, part)] = value.Substring(start, length);
            start += length;
        }

        entity[name + "Parts"] = part;
    }

    public static string? Read(TableEntity entity, string name)
    {
        if (entity.GetInt32(name + "Parts") is not { } parts)
        {
            return entity.GetString(name);
        }

        return string.Concat(Enumerable.Range(0, parts).Select(part => entity.GetString(PartName(name, part))));
    }

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

    private static string PartName(string name, int part) =>
        part == 0 ? name : name + part.ToString(CultureInfo.InvariantCulture);
}
