namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::unsqueeze(Tensor(a) self, int dim) -&gt; Tensor(a)</c> → ONNX <c>Unsqueeze</c> (a negative dim counts from the end of the result).</summary>
public static class Unsqueeze
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (x.Shape is not { } s) throw call.Unsupported("the input rank must be known.");
        int axis = LoweringContext.Axis(call.Int("dim"), s.Length + 1);
        if (axis < 0 || axis > s.Length) throw call.Unsupported($"dim {call.Int("dim")} is out of range for a rank-{s.Length} tensor.");
        long[] shape = [.. s[..axis], 1, .. s[axis..]];
        if (x.Name is null && x.Known is not null) return new TensorValue(null, x.DataType, shape, x.Known);
        return ctx.Emit("Unsqueeze", [ctx.In(x), ctx.In(ctx.Ints(axis))], x.DataType, shape);
    }
}
