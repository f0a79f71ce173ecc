namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::argmin(Tensor self, int? dim=None, bool keepdim=False) -&gt; Tensor</c> → ONNX <c>ArgMin</c> (int64, first
/// index of the smallest value). Without a dim the input is flattened first, as PyTorch does.
/// </summary>
public static class Argmin
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => Reductions.ArgExtreme(ctx, call, "ArgMin");
}
