namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// Shared by <see cref="Repeat"/> and <see cref="Tile"/>: ONNX <c>Tile</c> with one count per dim. More counts than
/// dims put new leading size-1 dims on the input first (an Unsqueeze), as both PyTorch ops do.
/// </summary>
internal static class Tiling
{
    public static TensorValue Lower(LoweringContext ctx, BoundCall call, TensorValue x, long[] repeats)
    {
        if (x.Shape is not { } s) throw call.Unsupported("the input rank must be known.");
        if (repeats.Any(r => r < 0)) throw call.Unsupported($"repeats [{string.Join(", ", repeats)}] has a negative entry.");
        if (repeats.Length > s.Length)
        {
            var leading = Enumerable.Range(0, repeats.Length - s.Length).Select(i => (long)i).ToArray();
            long[] padded = [.. leading.Select(_ => 1L), .. s];
            x = ctx.Emit("Unsqueeze", [ctx.In(x), ctx.In(ctx.Ints(leading))], x.DataType, padded);
            s = padded;
        }
        var shape = s.Select((d, i) => d < 0 ? -1 : d * repeats[i]).ToArray();
        return ctx.Emit("Tile", [ctx.In(x), ctx.In(ctx.Ints(repeats))], x.DataType, shape);
    }
}
