namespace ModelBuild.Core.Tensors.Numpy;

/// <summary>numpy <c>descr</c> strings (array-protocol type strings) for the simple dtypes ModelBuild handles.</summary>
public static class NpyDataTypes
{
    /// <summary>
    /// Parses a descr such as <c>&lt;f4</c>. '=' (native) is read as little-endian: numpy writes '&lt;' or '&gt;'
    /// explicitly, and .NET runs only on little-endian hosts. One-byte types accept any order character.
    /// </summary>
    public static bool TryParse(string descr, out DataType type, out bool bigEndian)
    {
        type = DataType.Undefined;
        bigEndian = false;
        if (descr.Length != 3) return false;
        char order = descr[0];
        type = descr.AsSpan(1) switch
        {
            "f2" => DataType.Float16,
            "f4" => DataType.Float32,
            "f8" => DataType.Float64,
            "i1" => DataType.Int8,
            "i2" => DataType.Int16,
            "i4" => DataType.Int32,
            "i8" => DataType.Int64,
            "u1" => DataType.UInt8,
            "u2" => DataType.UInt16,
            "u4" => DataType.UInt32,
            "u8" => DataType.UInt64,
            "b1" => DataType.Bool,
            _ => DataType.Undefined,
        };
        if (type == DataType.Undefined) return false;
        bool singleByte = DataTypes.SizeOf(type) == 1;
        switch (order)
        {
            case '<' or '=': break;
            case '>': bigEndian = !singleByte; break;
            // '|' means "not applicable" and is only meaningful for one-byte types.
            case '|' when singleByte: break;
            default: type = DataType.Undefined; return false;
        }
        return true;
    }

    /// <summary>The descr numpy writes for <paramref name="type"/>; null when numpy has no such dtype (bfloat16).</summary>
    public static string? DescrOf(DataType type) => type switch
    {
        DataType.Float16 => "<f2",
        DataType.Float32 => "<f4",
        DataType.Float64 => "<f8",
        DataType.Int8 => "|i1",
        DataType.Int16 => "<i2",
        DataType.Int32 => "<i4",
        DataType.Int64 => "<i8",
        DataType.UInt8 => "|u1",
        DataType.UInt16 => "<u2",
        DataType.UInt32 => "<u4",
        DataType.UInt64 => "<u8",
        DataType.Bool => "|b1",
        _ => null,
    };
}
