namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::tile(Tensor self, int[] dims) -&gt; Tensor</c> → ONNX <c>Tile</c> (see <see cref="Tiling"/>); fewer counts
/// than dims are padded with leading 1s, as PyTorch does.
/// </summary>
public static class Tile
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        var dims = call.Ints("dims");
        if (dims.Length < x.Rank) dims = [.. Enumerable.Repeat(1L, x.Rank - dims.Length), .. dims];
        return Tiling.Lower(ctx, call, x, dims);
    }
}
