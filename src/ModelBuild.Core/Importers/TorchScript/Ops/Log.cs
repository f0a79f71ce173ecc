namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::log(Tensor self) -&gt; Tensor</c> (and <c>log_</c>) → ONNX <c>Log</c>.</summary>
public static class Log
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => ctx.Unary("Log", call.Tensor("self"));
}
