using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::max_pool1d(Tensor self, int[1] kernel_size, int[1] stride=[], int[1] padding=[0], int[1] dilation=[1],
/// bool ceil_mode=False) -&gt; Tensor</c> → ONNX <c>MaxPool</c> over [N, C, L] (an empty stride means the kernel size).
/// </summary>
public static class MaxPool1d
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (x.Rank != 3) throw call.Unsupported("the input must be 3-D [N, C, L].");
        var kernel = Pooling.Fit(call.Ints("kernel_size"), 1, call, "kernel_size");
        var strideArg = call.Ints("stride");
        var stride = strideArg.Length == 0 ? kernel : Pooling.Fit(strideArg, 1, call, "stride");
        var padding = Pooling.Fit(call.Ints("padding"), 1, call, "padding");
        var dilation = Pooling.Fit(call.Ints("dilation"), 1, call, "dilation");
        bool ceil = call.Bool("ceil_mode");
        return ctx.Emit("MaxPool", [ctx.In(x)], x.DataType, Pooling.Shape(x.Shape, kernel, stride, padding, dilation, ceil),
            NodeAttribute.Of("kernel_shape", kernel), NodeAttribute.Of("strides", stride), NodeAttribute.Of("pads", padding.Concat(padding)),
            NodeAttribute.Of("dilations", dilation), NodeAttribute.Of("ceil_mode", ceil ? 1L : 0L));
    }
}
