namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::adaptive_avg_pool1d(Tensor self, int[1] output_size) -&gt; Tensor</c> → ONNX <c>GlobalAveragePool</c> for
/// output 1, otherwise one <c>MatMul</c> with PyTorch's bin-averaging matrix (<see cref="AdaptiveAvgPool2d.Bins"/>),
/// which covers uneven and overlapping bins alike. The input length must be static.
/// </summary>
public static class AdaptiveAvgPool1d
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        var output = Pooling.Fit(call.Ints("output_size"), 1, call, "output_size")[0];
        if (x.Shape is not { Length: 3 } s) throw call.Unsupported("the input must be 3-D [N, C, L].");
        long[] shape = [s[0], s[1], output];
        if (output == 1) return ctx.Emit("GlobalAveragePool", [ctx.In(x)], x.DataType, shape);
        if (s[2] < 0) throw call.Unsupported($"output size {output} needs a static input length.");
        var bins = ctx.EmitConstant(AdaptiveAvgPool2d.Bins(output, s[2], transpose: true), x.DataType, [s[2], output]);
        return ctx.Emit("MatMul", [ctx.In(x), bins], x.DataType, shape);
    }
}
