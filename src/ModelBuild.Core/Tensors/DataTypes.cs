namespace ModelBuild.Core.Tensors;

/// <summary>Facts about <see cref="DataType"/> values: element sizes and the names each file format uses.</summary>
public static class DataTypes
{
    /// <summary>Size of one element in bytes; 0 for types that have no fixed size (string, undefined).</summary>
    public static int SizeOf(DataType type) => type switch
    {
        DataType.Float32 or DataType.Int32 or DataType.UInt32 => 4,
        DataType.Float64 or DataType.Int64 or DataType.UInt64 => 8,
        DataType.Float16 or DataType.BFloat16 or DataType.Int16 or DataType.UInt16 => 2,
        DataType.Int8 or DataType.UInt8 or DataType.Bool => 1,
        _ => 0,
    };

    public static bool IsFloatingPoint(DataType type) =>
        type is DataType.Float32 or DataType.Float64 or DataType.Float16 or DataType.BFloat16;

    /// <summary>The lower-case name used in signatures (<c>x: float32[batch,3]</c>), reports and the lock file.</summary>
    public static string Name(DataType type) => type switch
    {
        DataType.Float32 => "float32",
        DataType.Float64 => "float64",
        DataType.Float16 => "float16",
        DataType.BFloat16 => "bfloat16",
        DataType.Int8 => "int8",
        DataType.Int16 => "int16",
        DataType.Int32 => "int32",
        DataType.Int64 => "int64",
        DataType.UInt8 => "uint8",
        DataType.UInt16 => "uint16",
        DataType.UInt32 => "uint32",
        DataType.UInt64 => "uint64",
        DataType.Bool => "bool",
        DataType.String => "string",
        _ => "undefined",
    };

    /// <summary>Parses a signature name; accepts the common aliases (<c>float</c>, <c>half</c>, <c>long</c>…).</summary>
    public static bool TryParse(string name, out DataType type)
    {
        type = name.Trim().ToLowerInvariant() switch
        {
            "float32" or "float" or "f32" => DataType.Float32,
            "float64" or "double" or "f64" => DataType.Float64,
            "float16" or "half" or "f16" => DataType.Float16,
            "bfloat16" or "bf16" => DataType.BFloat16,
            "int8" or "i8" => DataType.Int8,
            "int16" or "i16" => DataType.Int16,
            "int32" or "int" or "i32" => DataType.Int32,
            "int64" or "long" or "i64" => DataType.Int64,
            "uint8" or "u8" => DataType.UInt8,
            "uint16" or "u16" => DataType.UInt16,
            "uint32" or "u32" => DataType.UInt32,
            "uint64" or "u64" => DataType.UInt64,
            "bool" => DataType.Bool,
            _ => DataType.Undefined,
        };
        return type != DataType.Undefined;
    }
}
