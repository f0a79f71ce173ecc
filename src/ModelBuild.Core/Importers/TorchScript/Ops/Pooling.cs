using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>Output sizes of pooling windows, as PyTorch computes them (ceil mode may not start a window in the padding).</summary>
internal static class Pooling
{
    public static long[]? Shape(long[]? input, long[] kernel, long[] stride, long[] padding, long[] dilation, bool ceil)
    {
        if (input is null || input.Length != kernel.Length + 2) return null;
        var shape = (long[])input.Clone();
        for (int i = 0; i < kernel.Length; i++)
        {
            long size = input[i + 2];
            if (size < 0) continue;
            long span = size + 2 * padding[i] - dilation[i] * (kernel[i] - 1) - 1;
            long o = (ceil ? (span + stride[i] - 1) / stride[i] : span / stride[i]) + 1;
            if (ceil && (o - 1) * stride[i] >= size + padding[i]) o--;
            shape[i + 2] = o;
        }
        return shape;
    }

    public static long[] Fit(long[] v, int n, BoundCall call, string what) =>
        v.Length == n ? v : v.Length == 1 ? Enumerable.Repeat(v[0], n).ToArray() : throw call.Unsupported($"{what} has {v.Length} values for {n} spatial dims.");

    /// <summary>ONNX <c>MaxPool</c> for <c>max_pool1d/3d</c> (<see cref="MaxPool2d"/> keeps its own): an empty stride means the kernel size.</summary>
    public static TensorValue Max(LoweringContext ctx, BoundCall call, int spatial)
    {
        var x = call.Tensor("self");
        if (x.Rank != spatial + 2) throw call.Unsupported($"the input must be {spatial + 2}-D [N, C, …].");
        var kernel = Fit(call.Ints("kernel_size"), spatial, call, "kernel_size");
        var strideArg = call.Ints("stride");
        var stride = strideArg.Length == 0 ? kernel : Fit(strideArg, spatial, call, "stride");
        var padding = Fit(call.Ints("padding"), spatial, call, "padding");
        var dilation = Fit(call.Ints("dilation"), spatial, call, "dilation");
        bool ceil = call.Bool("ceil_mode");
        return ctx.Emit("MaxPool", [ctx.In(x)], x.DataType, Shape(x.Shape, kernel, stride, padding, dilation, ceil),
            NodeAttribute.Of("kernel_shape", kernel), NodeAttribute.Of("strides", stride), NodeAttribute.Of("pads", padding.Concat(padding)),
            NodeAttribute.Of("dilations", dilation), NodeAttribute.Of("ceil_mode", ceil ? 1L : 0L));
    }

    /// <summary>ONNX <c>AveragePool</c> for <c>avg_pool1d/3d</c>; <c>divisor_override</c> is MBLD2015.</summary>
    public static TensorValue Average(LoweringContext ctx, BoundCall call, int spatial)
    {
        if (call.Has("divisor_override") && call.OptionalInt("divisor_override") is not null) throw call.Unsupported("divisor_override is not supported.");
        var x = call.Tensor("self");
        if (x.Rank != spatial + 2) throw call.Unsupported($"the input must be {spatial + 2}-D [N, C, …].");
        var kernel = Fit(call.Ints("kernel_size"), spatial, call, "kernel_size");
        var strideArg = call.Ints("stride");
        var stride = strideArg.Length == 0 ? kernel : Fit(strideArg, spatial, call, "stride");
        var padding = Fit(call.Ints("padding"), spatial, call, "padding");
        bool ceil = call.Bool("ceil_mode");
        return ctx.Emit("AveragePool", [ctx.In(x)], x.DataType, Shape(x.Shape, kernel, stride, padding, Enumerable.Repeat(1L, spatial).ToArray(), ceil),
            NodeAttribute.Of("kernel_shape", kernel), NodeAttribute.Of("strides", stride), NodeAttribute.Of("pads", padding.Concat(padding)),
            NodeAttribute.Of("ceil_mode", ceil ? 1L : 0L), NodeAttribute.Of("count_include_pad", call.Bool("count_include_pad") ? 1L : 0L));
    }
}
