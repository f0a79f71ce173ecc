using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::avg_pool2d(Tensor self, int[2] kernel_size, int[2] stride=[], int[2] padding=0, bool ceil_mode=False,
/// bool count_include_pad=True, int? divisor_override=None) -&gt; Tensor</c> → ONNX <c>AveragePool</c>.
/// </summary>
public static class AvgPool2d
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        if (call.OptionalInt("divisor_override") is not null) throw call.Unsupported("divisor_override is not supported.");
        var x = call.Tensor("self");
        var kernel = Pooling.Fit(call.Ints("kernel_size"), 2, call, "kernel_size");
        var strideArg = call.Ints("stride");
        var stride = strideArg.Length == 0 ? kernel : Pooling.Fit(strideArg, 2, call, "stride");
        var padding = Pooling.Fit(call.Ints("padding"), 2, call, "padding");
        bool ceil = call.Bool("ceil_mode");
        return ctx.Emit("AveragePool", [ctx.In(x)], x.DataType, Pooling.Shape(x.Shape, kernel, stride, padding, [1, 1], ceil),
            NodeAttribute.Of("kernel_shape", kernel), NodeAttribute.Of("strides", stride), NodeAttribute.Of("pads", padding.Concat(padding)),
            NodeAttribute.Of("ceil_mode", ceil ? 1L : 0L), NodeAttribute.Of("count_include_pad", call.Bool("count_include_pad") ? 1L : 0L));
    }
}
