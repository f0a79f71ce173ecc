namespace ModelBuild.Core.Exporters.TfLite;

/// <summary>
/// Constants of the TFLite flatbuffer as the public <c>schema.fbs</c> (tensorflow/compiler/mlir/lite/schema) fixes
/// them, and the vtable slots of every table this writer emits. A slot is the field's position in its table
/// declaration; a union field takes two (its <c>_type</c> byte, then the table).
/// </summary>
internal static class TfLiteLayout
{
    public const string FileIdentifier = "TFL3";

    /// <summary><c>Model.version</c>: schema version 3 (buffers live in <c>Model.buffers</c>).</summary>
    public const uint SchemaVersion = 3;

    /// <summary><c>Buffer.data</c> is declared <c>force_align: 16</c>; kernels may map weights in place.</summary>
    public const int BufferAlignment = 16;

    /// <summary>
    /// FlatBuffers addresses with signed 32-bit offsets. Larger models need the schema's out-of-flatbuffer buffers
    /// (<c>Buffer.offset/size</c>), which this writer does not produce yet; it refuses a bit below 2 GiB.
    /// </summary>
    public const long MaxFileBytes = 2_000_000_000;

    /// <summary><c>OperatorCode.deprecated_builtin_code</c> is an int8: codes from 127 on are stored as 127.</summary>
    public const int PlaceholderForGreaterOpCodes = 127;

    public static class Model
    {
        public const int FieldCount = 5;
        public const int Version = 0, OperatorCodes = 1, Subgraphs = 2, Description = 3, Buffers = 4;
    }

    public static class OperatorCode
    {
        public const int FieldCount = 4;
        public const int DeprecatedBuiltinCode = 0, CustomCode = 1, Version = 2, BuiltinCode = 3;
    }

    public static class SubGraph
    {
        public const int FieldCount = 5;
        public const int Tensors = 0, Inputs = 1, Outputs = 2, Operators = 3, Name = 4;
    }

    public static class Tensor
    {
        public const int FieldCount = 9;
        public const int Shape = 0, Type = 1, Buffer = 2, Name = 3, Quantization = 4, IsVariable = 5, Sparsity = 6, ShapeSignature = 7, HasRank = 8;
    }

    public static class Buffer
    {
        public const int FieldCount = 1;
        public const int Data = 0;
    }

    public static class Operator
    {
        public const int FieldCount = 5;
        public const int OpcodeIndex = 0, Inputs = 1, Outputs = 2, BuiltinOptionsType = 3, BuiltinOptions = 4;
    }

    public static class Conv2DOptions
    {
        public const int FieldCount = 6;
        public const int Padding = 0, StrideW = 1, StrideH = 2, FusedActivation = 3, DilationW = 4, DilationH = 5;
    }

    public static class DepthwiseConv2DOptions
    {
        public const int FieldCount = 7;
        public const int Padding = 0, StrideW = 1, StrideH = 2, DepthMultiplier = 3, FusedActivation = 4, DilationW = 5, DilationH = 6;
    }

    public static class Pool2DOptions
    {
        public const int FieldCount = 6;
        public const int Padding = 0, StrideW = 1, StrideH = 2, FilterWidth = 3, FilterHeight = 4, FusedActivation = 5;
    }

    public static class FullyConnectedOptions
    {
        public const int FieldCount = 3;
        public const int FusedActivation = 0, WeightsFormat = 1, KeepNumDims = 2;
    }

    /// <summary>Also the layout of <c>MulOptions</c>, <c>SubOptions</c> and <c>DivOptions</c> (field 0).</summary>
    public static class AddOptions
    {
        public const int FieldCount = 1;
        public const int FusedActivation = 0;
    }

    public static class SoftmaxOptions
    {
        public const int FieldCount = 1;
        public const int Beta = 0;
    }

    public static class ConcatenationOptions
    {
        public const int FieldCount = 2;
        public const int Axis = 0, FusedActivation = 1;
    }

    public static class ReshapeOptions
    {
        public const int FieldCount = 1;
        public const int NewShape = 0;
    }

    public static class ReducerOptions
    {
        public const int FieldCount = 1;
        public const int KeepDims = 0;
    }

    public static class BatchMatMulOptions
    {
        public const int FieldCount = 2;
        public const int AdjX = 0, AdjY = 1;
    }

    public static class GatherOptions
    {
        public const int FieldCount = 2;
        public const int Axis = 0, BatchDims = 1;
    }

    public static class GeluOptions
    {
        public const int FieldCount = 1;
        public const int Approximate = 0;
    }
}
