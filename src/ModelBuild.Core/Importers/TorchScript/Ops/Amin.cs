namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::amin(Tensor self, int[1] dim=[], bool keepdim=False) -&gt; Tensor</c> → ONNX <c>ReduceMin</c>: the smallest value
/// over <c>dim</c> (all dims when empty).
/// </summary>
public static class Amin
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        return Reductions.Emit(ctx, "ReduceMin", x, Reductions.Axes(call, x), Reductions.KeepDim(call));
    }
}
