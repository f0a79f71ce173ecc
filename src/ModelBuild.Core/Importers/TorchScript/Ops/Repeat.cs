namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::repeat(Tensor self, SymInt[] repeats) -&gt; Tensor</c> → ONNX <c>Tile</c> (see <see cref="Tiling"/>); the
/// counts must be known and at least the input's rank, as PyTorch requires.
/// </summary>
public static class Repeat
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        var repeats = call.Ints("repeats");
        if (repeats.Length < x.Rank) throw call.Unsupported($"{repeats.Length} repeats for a rank-{x.Rank} tensor; PyTorch needs at least one per dim.");
        return Tiling.Lower(ctx, call, x, repeats);
    }
}
