namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::minimum(Tensor self, Tensor other) -&gt; Tensor</c> → ONNX <c>Min</c> on the promoted type, broadcasting.</summary>
public static class Minimum
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => Extremes.Elementwise(ctx, call, "Min");
}
