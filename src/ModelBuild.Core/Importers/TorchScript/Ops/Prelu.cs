namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::prelu(Tensor self, Tensor weight) -&gt; Tensor</c> → ONNX <c>PRelu</c>. PyTorch's weight holds one slope or
/// one per channel (dim 1); ONNX broadcasts the slope from the right, so a per-channel weight is reshaped to
/// [C, 1, …, 1].
/// </summary>
public static class Prelu
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        var w = ctx.Cast(call.Tensor("weight"), x.DataType);
        if (x.Shape is not { } s) throw call.Unsupported("the input rank must be known.");
        if (w.Shape is [var c] && c != 1 && s.Length > 2)
        {
            long[] perChannel = [c, .. Enumerable.Repeat(1L, s.Length - 2)];
            w = ctx.Emit("Reshape", [ctx.In(w), ctx.In(ctx.Ints(perChannel))], x.DataType, perChannel);
        }
        return ctx.Emit("PRelu", [ctx.In(x), ctx.In(w)], x.DataType, s);
    }
}
