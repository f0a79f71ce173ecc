using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::batch_norm(Tensor input, Tensor? weight, Tensor? bias, Tensor? running_mean, Tensor? running_var,
/// bool training, float momentum, float eps, bool cudnn_enabled) -&gt; Tensor</c> in eval mode → ONNX
/// <c>BatchNormalization</c> (missing weight/bias become ones/zeros). Training mode is MBLD2015.
/// </summary>
public static class BatchNorm
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        if (call.Bool("training")) throw call.Unsupported("batch_norm in training mode (batch statistics) is not supported; convert in eval mode.");
        var x = call.Tensor("input");
        var mean = call.OptionalTensor("running_mean") ?? throw call.Unsupported("batch_norm without running statistics is not supported.");
        var variance = call.OptionalTensor("running_var") ?? throw call.Unsupported("batch_norm without running statistics is not supported.");
        long channels = mean.Shape is [var c] ? c : throw call.Unsupported("running_mean must be 1-D with a known size.");
        string Fill(double v) => ctx.EmitConstant(Enumerable.Repeat(v, (int)channels).ToArray(), x.DataType, [channels]);
        var scale = call.OptionalTensor("weight") is { } w ? ctx.In(w) : Fill(1);
        var bias = call.OptionalTensor("bias") is { } b ? ctx.In(b) : Fill(0);
        return ctx.Emit("BatchNormalization", [ctx.In(x), scale, bias, ctx.In(mean), ctx.In(variance)], x.DataType, x.Shape,
            NodeAttribute.Of("epsilon", (float)call.Double("eps")), NodeAttribute.Of("momentum", (float)(1 - call.Double("momentum"))));
    }
}
