namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::squeeze(Tensor(a) self)</c> and <c>squeeze.dim(Tensor(a) self, int dim)</c> (and <c>squeeze_</c>) → ONNX
/// <c>Squeeze</c> of the size-1 dims. A trace fixes which dims those are: squeeze() drops the static size-1 dims and
/// keeps dynamic ones (a batch dim stays), squeeze(dim) of a static dim other than 1 is the input itself, and of a
/// dynamic dim squeezes it (ONNX checks at run time that it is 1).
/// </summary>
public static class Squeeze
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (x.Shape is not { } s) throw call.Unsupported("the input rank must be known.");
        if (call.Has("dim") && call["dim"] is string) throw call.Unsupported("named dimensions are not supported.");
        long[] axes;
        if (call.Has("dim"))
        {
            int axis = LoweringContext.Axis(call.Int("dim"), Math.Max(s.Length, 1));
            if (s.Length == 0) return x;
            if (axis < 0 || axis >= s.Length) throw call.Unsupported($"dim {call.Int("dim")} is out of range for a rank-{s.Length} tensor.");
            axes = s[axis] == 1 || s[axis] < 0 ? [axis] : [];
        }
        else axes = Enumerable.Range(0, s.Length).Where(i => s[i] == 1).Select(i => (long)i).ToArray();
        if (axes.Length == 0) return x;
        var shape = s.Where((_, i) => !axes.Contains(i)).ToArray();
        if (x.Name is null && x.Known is not null) return new TensorValue(null, x.DataType, shape, x.Known);
        return ctx.Emit("Squeeze", [ctx.In(x), ctx.In(ctx.Ints(axes))], x.DataType, shape);
    }
}
