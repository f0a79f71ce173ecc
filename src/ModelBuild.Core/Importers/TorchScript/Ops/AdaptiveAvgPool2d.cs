using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::adaptive_avg_pool2d(Tensor self, SymInt[2] output_size) -&gt; Tensor</c> → ONNX <c>GlobalAveragePool</c>
/// for output 1×1; otherwise <c>AveragePool</c> with kernel = stride = input / output when the static input size
/// divides evenly; any other static size (VGG's 7×7 from a small input, bins that overlap or repeat) as two
/// <c>MatMul</c>s with the bin-averaging matrices, since each bin is a rectangle: Y = A_h · X · A_wᵀ.
/// </summary>
public static class AdaptiveAvgPool2d
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        var output = Pooling.Fit(call.Ints("output_size"), 2, call, "output_size");
        if (x.Shape is not { Length: 4 } s) throw call.Unsupported("the input must be 4-D with a known rank.");
        long[] shape = [s[0], s[1], output[0], output[1]];
        if (output is [1, 1]) return ctx.Emit("GlobalAveragePool", [ctx.In(x)], x.DataType, shape);
        if (s[2] < 0 || s[3] < 0)
            throw call.Unsupported($"output {output[0]}x{output[1]} needs a static input height and width (they are {s[2]}x{s[3]}).");
        if (s[2] % output[0] != 0 || s[3] % output[1] != 0) return Separable(ctx, x, s, output, shape);
        long[] kernel = [s[2] / output[0], s[3] / output[1]];
        return ctx.Emit("AveragePool", [ctx.In(x)], x.DataType, shape, NodeAttribute.Of("kernel_shape", kernel), NodeAttribute.Of("strides", kernel));
    }

    private static TensorValue Separable(LoweringContext ctx, TensorValue x, long[] s, long[] output, long[] shape)
    {
        var rows = ctx.EmitConstant(Bins(output[0], s[2], transpose: false), x.DataType, [output[0], s[2]]);
        var columns = ctx.EmitConstant(Bins(output[1], s[3], transpose: true), x.DataType, [s[3], output[1]]);
        var pooledRows = ctx.Emit("MatMul", [rows, ctx.In(x)], x.DataType, [s[0], s[1], output[0], s[3]]);
        return ctx.Emit("MatMul", [ctx.In(pooledRows), columns], x.DataType, shape);
    }

    /// <summary>PyTorch's bins: output i averages input [floor(i·in/out), ceil((i+1)·in/out)).</summary>
    internal static double[] Bins(long outSize, long inSize, bool transpose)
    {
        var m = new double[outSize * inSize];
        for (long i = 0; i < outSize; i++)
        {
            long start = i * inSize / outSize, end = ((i + 1) * inSize + outSize - 1) / outSize;
            for (long j = start; j < end; j++) m[transpose ? j * outSize + i : i * inSize + j] = 1.0 / (end - start);
        }
        return m;
    }
}
