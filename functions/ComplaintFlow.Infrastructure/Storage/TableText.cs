using System.Globalization;
using Azure.Data.Tables;

namespace ComplaintFlow.Infrastructure.Storage;

/// <summary>
/// Stores a string longer than one Table Storage property allows (64 KiB = 32K UTF-16 characters) across numbered
/// properties (<c>Data</c>, <c>Data1</c>, <c>Data2</c>, … and <c>DataParts</c>) and joins it back. A split never lands
/// inside a surrogate pair, so every part is valid text on its own.
/// </summary>
public static class TableText
{
    /// <summary>Characters per property, below the service's 32,768 so a split can step back from a surrogate pair.</summary>
    public const int DefaultPartLength = 32_000;

    public static void Write(TableEntity entity, string name, string? value, int partLength = DefaultPartLength)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentOutOfRangeException.ThrowIfLessThan(partLength, 2);
        if (value is null)
        {
            return;
        }

        if (value.Length <= partLength)
        {
            entity[name] = value;
            return;
        }

        var part = 0;
        for (var start = 0; start < value.Length; part++)
        {
            var length = Math.Min(partLength, value.Length - start);
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
        ArgumentNullException.ThrowIfNull(entity);
        if (entity.GetInt32(name + "Parts") is not { } parts)
        {
            return entity.GetString(name);
        }

        return string.Concat(Enumerable.Range(0, parts).Select(part => entity.GetString(PartName(name, part))));
    }

    private static string PartName(string name, int part) =>
        part == 0 ? name : name + part.ToString(CultureInfo.InvariantCulture);
}
