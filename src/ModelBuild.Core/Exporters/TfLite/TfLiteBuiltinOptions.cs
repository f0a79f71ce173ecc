namespace ModelBuild.Core.Exporters.TfLite;

/// <summary>
/// The <c>BuiltinOptions</c> union's type tags: a member's position in the union declaration plus one (0 is
/// NONE). Only the members this writer emits.
/// </summary>
public enum TfLiteBuiltinOptions : byte
{
    None = 0,
    Conv2DOptions = 1,
    DepthwiseConv2DOptions = 2,
    Pool2DOptions = 5,
    FullyConnectedOptions = 8,
    SoftmaxOptions = 9,
    ConcatenationOptions = 10,
    AddOptions = 11,
    ReshapeOptions = 17,
    MulOptions = 21,
    PadOptions = 22,
    GatherOptions = 23,
    TransposeOptions = 26,
    ReducerOptions = 27,
    SubOptions = 28,
    DivOptions = 29,
    StridedSliceOptions = 32,
    DequantizeOptions = 38,
    MaximumMinimumOptions = 39,
    PadV2Options = 43,
    SquaredDifferenceOptions = 76,
    HardSwishOptions = 91,
    BatchMatMulOptions = 101,
    GeluOptions = 116,
}
