using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::avg_pool1d(Tensor self, int[1] kernel_size, int[1] stride=[], int[1] padding=[0], bool ceil_mode=False,
/// bool count_include_pad=True) -&gt; Tensor</c> → ONNX <c>AveragePool</c> over [N, C, L].
/// </summary>
public static class AvgPool1d
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (x.Rank != 3) throw call.Unsupported("the input must be 3-D [N, C, L].");
        var kernel = Pooling.Fit(call.Ints("kernel_size"), 1, call, "kernel_size");
        var strideArg = call.Ints("stride");
        var stride = strideArg.Length == 0 ? kernel : Pooling.Fit(strideArg, 1, call, "stride");
        var padding = Pooling.Fit(call.Ints("padding"), 1, call, "padding");
        bool ceil = call.Bool("ceil_mode");
        return ctx.Emit("AveragePool", [ctx.In(x)], x.DataType, Pooling.Shape(x.Shape, kernel, stride, padding, [1], ceil),
            NodeAttribute.Of("kernel_shape", kernel), NodeAttribute.Of("strides", stride), NodeAttribute.Of("pads", padding.Concat(padding)),
            NodeAttribute.Of("ceil_mode", ceil ? 1L : 0L), NodeAttribute.Of("count_include_pad", call.Bool("count_include_pad") ? 1L : 0L));
    }
}
