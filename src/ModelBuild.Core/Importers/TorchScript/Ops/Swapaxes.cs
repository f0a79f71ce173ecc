using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary><c>aten::swapaxes(Tensor(a) self, int axis0, int axis1)</c> and <c>swapdims</c> → ONNX <c>Transpose</c> exchanging the two dims.</summary>
public static class Swapaxes
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (x.Shape is not { } s) throw call.Unsupported("the input rank must be known.");
        string first = call.Has("axis0") ? "axis0" : "dim0", second = call.Has("axis1") ? "axis1" : "dim1";
        int a = LoweringContext.Axis(call.Int(first), s.Length), b = LoweringContext.Axis(call.Int(second), s.Length);
        if (a < 0 || a >= s.Length || b < 0 || b >= s.Length) throw call.Unsupported("the dims are out of range.");
        var perm = Enumerable.Range(0, s.Length).Select(i => (long)(i == a ? b : i == b ? a : i)).ToArray();
        return ctx.Emit("Transpose", [ctx.In(x)], x.DataType, perm.Select(p => s[p]).ToArray(), NodeAttribute.Of("perm", perm));
    }
}
