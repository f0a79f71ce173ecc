using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::adaptive_max_pool2d(Tensor self, int[2] output_size) -&gt; (Tensor, Tensor)</c> when each input size is a
/// multiple of the output size: then PyTorch's windows are fixed, kernel = stride = in / out, which is ONNX
/// <c>MaxPool</c>. Its indices output counts over the whole tensor; PyTorch's count within each [H, W] plane, so
/// they are taken modulo H·W. Other sizes (overlapping, uneven windows) are MBLD2015.
/// </summary>
public static class AdaptiveMaxPool2d
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (x.Shape is not { Length: 4 } s || s[2] < 0 || s[3] < 0) throw call.Unsupported("the input must be 4-D [N, C, H, W] with static H and W.");
        var output = Pooling.Fit(call.Ints("output_size"), 2, call, "output_size");
        if (output[0] <= 0 || output[1] <= 0 || s[2] % output[0] != 0 || s[3] % output[1] != 0)
            throw call.Unsupported($"output size [{output[0]}, {output[1]}] does not divide the input's [{s[2]}, {s[3]}]; only evenly divided windows are supported.");
        long[] kernel = [s[2] / output[0], s[3] / output[1]];
        var names = ctx.EmitMany("MaxPool", [ctx.In(x)], 2, NodeAttribute.Of("kernel_shape", kernel), NodeAttribute.Of("strides", kernel));
        long[] shape = [s[0], s[1], output[0], output[1]];
        var indices = ctx.Emit("Mod", [names[1], ctx.In(ctx.Scalar(s[2] * s[3], DataType.Int64))], DataType.Int64, shape);
        return new TupleValue([new TensorValue(names[0], x.DataType, shape), indices]);
    }
}
