namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::tril(Tensor self, int diagonal=0) -&gt; Tensor</c> (and <c>tril_</c>) → ONNX <c>Trilu(upper=0)</c> with the
/// diagonal as k: the entries on and below that diagonal of the last two dims, zeros elsewhere.
/// </summary>
public static class Tril
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (x.Rank < 2) throw call.Unsupported("the input must have at least two dims.");
        var k = ctx.In(ctx.Scalar(call.Int("diagonal"), Tensors.DataType.Int64));
        return ctx.Emit("Trilu", [ctx.In(x), k], x.DataType, x.Shape, Graph.NodeAttribute.Of("upper", 0L));
    }
}
