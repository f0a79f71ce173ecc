using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::diagonal(Tensor(a) self, int offset=0, int dim1=0, int dim2=1) -&gt; Tensor(a)</c>: the two dims moved to
/// the end (ONNX <c>Transpose</c>) and merged (<c>Reshape</c>, the other dims copied), then <c>Gather</c> of the flat
/// positions row·m + row + offset of the diagonal, which PyTorch puts last. The two dims must be static.
/// </summary>
public static class Diagonal
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (x.Shape is not { Length: >= 2 } s) throw call.Unsupported("the input must have at least two dims.");
        int a = LoweringContext.Axis(call.Int("dim1"), s.Length), b = LoweringContext.Axis(call.Int("dim2"), s.Length);
        if (a < 0 || a >= s.Length || b < 0 || b >= s.Length || a == b) throw call.Unsupported("dim1 and dim2 must be two different dims.");
        long n = s[a], m = s[b], offset = call.Int("offset");
        if (n < 0 || m < 0) throw call.Unsupported($"dims {a} and {b} must be static.");
        long rowStart = Math.Max(-offset, 0), columnStart = Math.Max(offset, 0);
        long count = Math.Max(0, Math.Min(n - rowStart, m - columnStart));
        var rest = Enumerable.Range(0, s.Length).Where(d => d != a && d != b).Select(d => (long)d).ToArray();
        long[] perm = [.. rest, a, b];
        var moved = ctx.Emit("Transpose", [ctx.In(x)], x.DataType, perm.Select(p => s[p]).ToArray(), NodeAttribute.Of("perm", perm));
        long[] merged = [.. rest.Select(_ => 0L), n * m];
        var flat = ctx.Emit("Reshape", [ctx.In(moved), ctx.In(ctx.Ints(merged))], x.DataType, [.. rest.Select(d => s[d]), n * m]);
        var positions = Enumerable.Range(0, (int)count).Select(i => (double)((rowStart + i) * m + columnStart + i)).ToArray();
        var index = new TensorValue(ctx.EmitConstant(positions, DataType.Int64, [count]), DataType.Int64, [count]);
        return ctx.Emit("Gather", [ctx.In(flat), ctx.In(index)], x.DataType, [.. rest.Select(d => s[d]), count], NodeAttribute.Of("axis", (long)rest.Length));
    }
}
