using Google.FlatBuffers;
using L = ModelBuild.Core.Exporters.TfLite.TfLiteLayout;

namespace ModelBuild.Core.Exporters.TfLite;

/// <summary>
/// A builtin options table: the union tag and a function that writes the table and returns its offset. Fields
/// equal to the schema default are left out, as flatc-generated builders do; readers substitute the default.
/// </summary>
internal sealed record TfLiteOperatorOptions(TfLiteBuiltinOptions Type, Func<FlatBufferBuilder, int>? Write)
{
    public static readonly TfLiteOperatorOptions None = new(TfLiteBuiltinOptions.None, null);

    public static TfLiteOperatorOptions Empty(TfLiteBuiltinOptions type) => new(type, b =>
    {
        b.StartTable(0);
        return b.EndTable();
    });

    public static TfLiteOperatorOptions Conv2D(TfLitePadding padding, int strideW, int strideH, TfLiteActivation activation, int dilationW, int dilationH) =>
        new(TfLiteBuiltinOptions.Conv2DOptions, b =>
        {
            b.StartTable(L.Conv2DOptions.FieldCount);
            b.AddSbyte(L.Conv2DOptions.Padding, (sbyte)padding, 0);
            b.AddInt(L.Conv2DOptions.StrideW, strideW, 0);
            b.AddInt(L.Conv2DOptions.StrideH, strideH, 0);
            b.AddSbyte(L.Conv2DOptions.FusedActivation, (sbyte)activation, 0);
            b.AddInt(L.Conv2DOptions.DilationW, dilationW, 1);
            b.AddInt(L.Conv2DOptions.DilationH, dilationH, 1);
            return b.EndTable();
        });

    public static TfLiteOperatorOptions DepthwiseConv2D(TfLitePadding padding, int strideW, int strideH, int depthMultiplier, TfLiteActivation activation, int dilationW, int dilationH) =>
        new(TfLiteBuiltinOptions.DepthwiseConv2DOptions, b =>
        {
            b.StartTable(L.DepthwiseConv2DOptions.FieldCount);
            b.AddSbyte(L.DepthwiseConv2DOptions.Padding, (sbyte)padding, 0);
            b.AddInt(L.DepthwiseConv2DOptions.StrideW, strideW, 0);
            b.AddInt(L.DepthwiseConv2DOptions.StrideH, strideH, 0);
            b.AddInt(L.DepthwiseConv2DOptions.DepthMultiplier, depthMultiplier, 0);
            b.AddSbyte(L.DepthwiseConv2DOptions.FusedActivation, (sbyte)activation, 0);
            b.AddInt(L.DepthwiseConv2DOptions.DilationW, dilationW, 1);
            b.AddInt(L.DepthwiseConv2DOptions.DilationH, dilationH, 1);
            return b.EndTable();
        });

    public static TfLiteOperatorOptions Pool2D(TfLitePadding padding, int strideW, int strideH, int filterW, int filterH) =>
        new(TfLiteBuiltinOptions.Pool2DOptions, b =>
        {
            b.StartTable(L.Pool2DOptions.FieldCount);
            b.AddSbyte(L.Pool2DOptions.Padding, (sbyte)padding, 0);
            b.AddInt(L.Pool2DOptions.StrideW, strideW, 0);
            b.AddInt(L.Pool2DOptions.StrideH, strideH, 0);
            b.AddInt(L.Pool2DOptions.FilterWidth, filterW, 0);
            b.AddInt(L.Pool2DOptions.FilterHeight, filterH, 0);
            return b.EndTable();
        });

    public static TfLiteOperatorOptions FullyConnected(TfLiteActivation activation, bool keepNumDims) =>
        new(TfLiteBuiltinOptions.FullyConnectedOptions, b =>
        {
            b.StartTable(L.FullyConnectedOptions.FieldCount);
            b.AddSbyte(L.FullyConnectedOptions.FusedActivation, (sbyte)activation, 0);
            b.AddBool(L.FullyConnectedOptions.KeepNumDims, keepNumDims, false);
            return b.EndTable();
        });

    /// <summary>Add, Sub, Mul and Div options share one layout: the fused activation in field 0.</summary>
    public static TfLiteOperatorOptions Arithmetic(TfLiteBuiltinOptions type, TfLiteActivation activation) =>
        new(type, b =>
        {
            b.StartTable(L.AddOptions.FieldCount);
            b.AddSbyte(L.AddOptions.FusedActivation, (sbyte)activation, 0);
            return b.EndTable();
        });

    /// <summary>beta is written even at 1.0: the schema default is 0.0, which would flatten every output.</summary>
    public static TfLiteOperatorOptions Softmax(float beta) =>
        new(TfLiteBuiltinOptions.SoftmaxOptions, b =>
        {
            b.StartTable(L.SoftmaxOptions.FieldCount);
            b.AddFloat(L.SoftmaxOptions.Beta, beta, 0.0);
            return b.EndTable();
        });

    public static TfLiteOperatorOptions Concatenation(int axis) =>
        new(TfLiteBuiltinOptions.ConcatenationOptions, b =>
        {
            b.StartTable(L.ConcatenationOptions.FieldCount);
            b.AddInt(L.ConcatenationOptions.Axis, axis, 0);
            return b.EndTable();
        });

    public static TfLiteOperatorOptions Reshape(int[] newShape) =>
        new(TfLiteBuiltinOptions.ReshapeOptions, b =>
        {
            var shape = TfLiteSerializer.IntVector(b, newShape);
            b.StartTable(L.ReshapeOptions.FieldCount);
            b.AddOffset(L.ReshapeOptions.NewShape, shape.Value, 0);
            return b.EndTable();
        });

    public static TfLiteOperatorOptions Reducer(bool keepDims) =>
        new(TfLiteBuiltinOptions.ReducerOptions, b =>
        {
            b.StartTable(L.ReducerOptions.FieldCount);
            b.AddBool(L.ReducerOptions.KeepDims, keepDims, false);
            return b.EndTable();
        });

    public static TfLiteOperatorOptions BatchMatMul(bool adjX, bool adjY) =>
        new(TfLiteBuiltinOptions.BatchMatMulOptions, b =>
        {
            b.StartTable(L.BatchMatMulOptions.FieldCount);
            b.AddBool(L.BatchMatMulOptions.AdjX, adjX, false);
            b.AddBool(L.BatchMatMulOptions.AdjY, adjY, false);
            return b.EndTable();
        });

    public static TfLiteOperatorOptions Gelu(bool approximate) =>
        new(TfLiteBuiltinOptions.GeluOptions, b =>
        {
            b.StartTable(L.GeluOptions.FieldCount);
            b.AddBool(L.GeluOptions.Approximate, approximate, false);
            return b.EndTable();
        });

    public static TfLiteOperatorOptions Gather(int axis) =>
        new(TfLiteBuiltinOptions.GatherOptions, b =>
        {
            b.StartTable(L.GatherOptions.FieldCount);
            b.AddInt(L.GatherOptions.Axis, axis, 0);
            return b.EndTable();
        });
}
