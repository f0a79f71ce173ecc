namespace ModelBuild.Core.Tensors.Safetensors;

/// <summary>The dtype names safetensors writes in its header, mapped to the hub's <see cref="DataType"/>.</summary>
public static class SafetensorsDataTypes
{
    /// <summary>
    /// Maps a header dtype. The float8/float4/complex names the format also defines have no
    /// <see cref="DataType"/> yet, so they are reported as unknown rather than misread as bytes.
    /// </summary>
    public static bool TryParse(string name, out DataType type)
    {
        type = name switch
        {
            "F32" => DataType.Float32,
            "F16" => DataType.Float16,
            "BF16" => DataType.BFloat16,
            "F64" => DataType.Float64,
            "I8" => DataType.Int8,
            "I16" => DataType.Int16,
            "I32" => DataType.Int32,
            "I64" => DataType.Int64,
            "U8" => DataType.UInt8,
            "U16" => DataType.UInt16,
            "U32" => DataType.UInt32,
            "U64" => DataType.UInt64,
            "BOOL" => DataType.Bool,
            _ => DataType.Undefined,
        };
        return type != DataType.Undefined;
    }

    /// <summary>The header name for <paramref name="type"/>; null when safetensors cannot hold it.</summary>
    public static string? NameOf(DataType type) => type switch
    {
        DataType.Float32 => "F32",
        DataType.Float16 => "F16",
        DataType.BFloat16 => "BF16",
        DataType.Float64 => "F64",
        DataType.Int8 => "I8",
        DataType.Int16 => "I16",
        DataType.Int32 => "I32",
        DataType.Int64 => "I64",
        DataType.UInt8 => "U8",
        DataType.UInt16 => "U16",
        DataType.UInt32 => "U32",
        DataType.UInt64 => "U64",
        DataType.Bool => "BOOL",
        _ => null,
    };
}
