using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::adaptive_avg_pool2d(Tensor self, SymInt[2] output_size) -&gt; Tensor</c> → ONNX <c>GlobalAveragePool</c>
/// for output 1×1; otherwise <c>AveragePool</c> with kernel = stride = input / output when the static input size
/// divides evenly (MBLD2015 when it does not).
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
        if (s[2] < 0 || s[3] < 0 || s[2] % output[0] != 0 || s[3] % output[1] != 0)
            throw call.Unsupported($"output {output[0]}x{output[1]} from input {s[2]}x{s[3]} needs a static input size that the output divides.");
        long[] kernel = [s[2] / output[0], s[3] / output[1]];
        return ctx.Emit("AveragePool", [ctx.In(x)], x.DataType, shape, NodeAttribute.Of("kernel_shape", kernel), NodeAttribute.Of("strides", kernel));
    }
}
