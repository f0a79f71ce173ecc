using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Exporters.OpenVino;

/// <summary>Constants of OpenVINO IR v11 and the element-type spellings its XML uses.</summary>
internal static class OpenVinoLayout
{
    public const int IrVersion = 11;
    public const string BinExtension = ".bin";

    /// <summary>The <c>element_type</c> spelling in <c>&lt;data&gt;</c>; null for types the writer does not emit.</summary>
    public static string? ElementType(DataType type) => type switch
    {
        DataType.Float32 => "f32",
        DataType.Float16 => "f16",
        DataType.Float64 => "f64",
        DataType.BFloat16 => "bf16",
        DataType.Int64 => "i64",
        DataType.Int32 => "i32",
        DataType.Int16 => "i16",
        DataType.Int8 => "i8",
        DataType.UInt8 => "u8",
        DataType.Bool => "boolean",
        _ => null,
    };

    /// <summary>The port <c>precision</c> spelling.</summary>
    public static string Precision(DataType type) => type switch
    {
        DataType.Float32 => "FP32",
        DataType.Float16 => "FP16",
        DataType.Float64 => "FP64",
        DataType.BFloat16 => "BF16",
        DataType.Int64 => "I64",
        DataType.Int32 => "I32",
        DataType.Int16 => "I16",
        DataType.Int8 => "I8",
        DataType.UInt8 => "U8",
        DataType.Bool => "BOOL",
        _ => "UNSPECIFIED",
    };

    public static DataType FromElementType(string name) => name switch
    {
        "f32" => DataType.Float32,
        "f16" => DataType.Float16,
        "f64" => DataType.Float64,
        "bf16" => DataType.BFloat16,
        "i64" => DataType.Int64,
        "i32" => DataType.Int32,
        "i16" => DataType.Int16,
        "i8" => DataType.Int8,
        "u8" => DataType.UInt8,
        "boolean" => DataType.Bool,
        _ => DataType.Undefined,
    };

    public static DataType FromPrecision(string name) => name.ToUpperInvariant() switch
    {
        "FP32" => DataType.Float32,
        "FP16" => DataType.Float16,
        "FP64" => DataType.Float64,
        "BF16" => DataType.BFloat16,
        "I64" => DataType.Int64,
        "I32" => DataType.Int32,
        "I16" => DataType.Int16,
        "I8" => DataType.Int8,
        "U8" => DataType.UInt8,
        "BOOL" or "BOOLEAN" => DataType.Bool,
        _ => DataType.Undefined,
    };

    /// <summary>
    /// Layer types the writer and validator know, with every opset that provides each version of them (the
    /// version attribute names the opset the layer's semantics come from). Lookups ignore case, as OpenVINO's do.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> KnownOperations = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["Parameter"] = ["opset1"],
        ["Result"] = ["opset1"],
        ["Const"] = ["opset1"],
        ["Constant"] = ["opset1"],
        ["Convert"] = ["opset1"],
        ["Convolution"] = ["opset1"],
        ["GroupConvolution"] = ["opset1"],
        ["MatMul"] = ["opset1"],
        ["Add"] = ["opset1"],
        ["Subtract"] = ["opset1"],
        ["Multiply"] = ["opset1"],
        ["Divide"] = ["opset1"],
        ["ReLU"] = ["opset1"],
        ["Sigmoid"] = ["opset1"],
        ["Tanh"] = ["opset1"],
        ["Erf"] = ["opset1"],
        ["Clamp"] = ["opset1"],
        ["HSwish"] = ["opset4"],
        ["Gelu"] = ["opset2", "opset7"],
        ["MaxPool"] = ["opset1", "opset8", "opset14"],
        ["AvgPool"] = ["opset1", "opset14"],
        ["ReduceMean"] = ["opset1"],
        ["Reshape"] = ["opset1"],
        ["Concat"] = ["opset1"],
        ["SoftMax"] = ["opset1", "opset8"],
        ["Transpose"] = ["opset1"],
        ["Slice"] = ["opset8"],
        ["MVN"] = ["opset2", "opset6"],
    };

    /// <summary>Number of input ports each layer type takes (checked by the validator); absent = any.</summary>
    public static readonly IReadOnlyDictionary<string, int> InputCount = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["Parameter"] = 0, ["Const"] = 0, ["Constant"] = 0, ["Result"] = 1, ["Convert"] = 1,
        ["Convolution"] = 2, ["GroupConvolution"] = 2, ["MatMul"] = 2, ["Add"] = 2, ["Subtract"] = 2, ["Multiply"] = 2,
        ["Divide"] = 2, ["ReLU"] = 1, ["Sigmoid"] = 1, ["Tanh"] = 1, ["Erf"] = 1, ["Clamp"] = 1, ["HSwish"] = 1, ["Gelu"] = 1,
        ["MaxPool"] = 1, ["AvgPool"] = 1, ["ReduceMean"] = 2, ["Reshape"] = 2, ["SoftMax"] = 1, ["Transpose"] = 2, ["MVN"] = 2, ["Slice"] = 5,
    };
}
