using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::max_pool2d(Tensor self, int[2] kernel_size, int[2] stride=[], int[2] padding=0, int[2] dilation=1,
/// bool ceil_mode=False) -&gt; Tensor</c> → ONNX <c>MaxPool</c> (an empty stride means the kernel size).
/// </summary>
public static class MaxPool2d
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        var kernel = Pooling.Fit(call.Ints("kernel_size"), 2, call, "kernel_size");
        var strideArg = call.Ints("stride");
        var stride = strideArg.Length == 0 ? kernel : Pooling.Fit(strideArg, 2, call, "stride");
        var padding = Pooling.Fit(call.Ints("padding"), 2, call, "padding");
        var dilation = Pooling.Fit(call.Ints("dilation"), 2, call, "dilation");
        bool ceil = call.Bool("ceil_mode");
        return ctx.Emit("MaxPool", [ctx.In(x)], x.DataType, Pooling.Shape(x.Shape, kernel, stride, padding, dilation, ceil),
            NodeAttribute.Of("kernel_shape", kernel), NodeAttribute.Of("strides", stride), NodeAttribute.Of("pads", padding.Concat(padding)),
            NodeAttribute.Of("dilations", dilation), NodeAttribute.Of("ceil_mode", ceil ? 1L : 0L));
    }
}
