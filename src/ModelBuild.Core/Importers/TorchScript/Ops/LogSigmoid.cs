namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::log_sigmoid(Tensor self) -&gt; Tensor</c> → −softplus(−x) (ONNX <c>Neg</c>, <c>Softplus</c>, <c>Neg</c>), which
/// stays finite for large negative x where log(sigmoid(x)) would underflow.
/// </summary>
public static class LogSigmoid
{
    public static object? Lower(LoweringContext ctx, BoundCall call) =>
        ctx.Unary("Neg", ctx.Unary("Softplus", ctx.Unary("Neg", call.Tensor("self"))));
}
