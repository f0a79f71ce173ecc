using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::instance_norm(Tensor input, Tensor? weight, Tensor? bias, Tensor? running_mean, Tensor? running_var,
/// bool use_input_stats, float momentum, float eps, bool cudnn_enabled) -&gt; Tensor</c>. With input statistics (the
/// default, and always when <c>track_running_stats=False</c>) → ONNX <c>InstanceNormalization</c>, a missing
/// weight/bias as ones/zeros; with running statistics (<c>track_running_stats=True</c> in eval mode) every sample is
/// normalized by the same mean and variance, which is <c>BatchNormalization</c>. The channel count must be static.
/// </summary>
public static class InstanceNorm
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("input");
        if (x.Shape is not { Length: >= 3 } s || s[1] < 0) throw call.Unsupported("the input must be [N, C, …] with a static channel count.");
        long channels = s[1];
        string Fill(double v) => ctx.EmitConstant(Enumerable.Repeat(v, (int)channels).ToArray(), x.DataType, [channels]);
        var scale = call.OptionalTensor("weight") is { } w ? ctx.In(ctx.Cast(w, x.DataType)) : Fill(1);
        var bias = call.OptionalTensor("bias") is { } b ? ctx.In(ctx.Cast(b, x.DataType)) : Fill(0);
        var epsilon = NodeAttribute.Of("epsilon", (float)call.Double("eps"));
        if (call.Bool("use_input_stats"))
            return ctx.Emit("InstanceNormalization", [ctx.In(x), scale, bias], x.DataType, s, epsilon);
        var mean = call.OptionalTensor("running_mean") ?? throw call.Unsupported("use_input_stats=False needs running_mean.");
        var variance = call.OptionalTensor("running_var") ?? throw call.Unsupported("use_input_stats=False needs running_var.");
        return ctx.Emit("BatchNormalization", [ctx.In(x), scale, bias, ctx.In(mean), ctx.In(variance)], x.DataType, s, epsilon);
    }
}
