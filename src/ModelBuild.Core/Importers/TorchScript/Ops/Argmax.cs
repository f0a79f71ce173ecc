namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::argmax(Tensor self, int? dim=None, bool keepdim=False) -&gt; Tensor</c> → ONNX <c>ArgMax</c> (int64, first
/// index of the largest value). Without a dim the input is flattened first, as PyTorch does.
/// </summary>
public static class Argmax
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => Reductions.ArgExtreme(ctx, call, "ArgMax");
}
