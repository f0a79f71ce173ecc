namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::amax(Tensor self, int[1] dim=[], bool keepdim=False) -&gt; Tensor</c> → ONNX <c>ReduceMax</c>: the largest value
/// over <c>dim</c> (all dims when empty).
/// </summary>
public static class Amax
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        return Reductions.Emit(ctx, "ReduceMax", x, Reductions.Axes(call, x), Reductions.KeepDim(call));
    }
}
