namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::maximum(Tensor self, Tensor other) -&gt; Tensor</c> → ONNX <c>Max</c> on the promoted type, broadcasting.</summary>
public static class Maximum
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => Extremes.Elementwise(ctx, call, "Max");
}
