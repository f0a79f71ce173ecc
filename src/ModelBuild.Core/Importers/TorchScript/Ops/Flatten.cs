using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::flatten.using_ints(Tensor(a) self, int start_dim=0, int end_dim=-1) -&gt; Tensor(a)</c> → ONNX
/// <c>Flatten(axis=1)</c> for the common (1, -1) case, otherwise <c>Reshape</c> to the static target shape.
/// </summary>
public static class Flatten
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (x.Shape is not { } s) throw call.Unsupported("the input rank must be known.");
        if (s.Length == 0) return View.Reshape(ctx, x, [1], call);
        int start = LoweringContext.Axis(call.Int("start_dim"), s.Length), end = LoweringContext.Axis(call.Int("end_dim"), s.Length);
        if (start > end) throw call.Unsupported("start_dim comes after end_dim.");
        long merged = 1;
        for (int i = start; i <= end; i++) merged = s[i] < 0 || merged < 0 ? -1 : merged * s[i];
        long[] shape = [.. s[..start], merged, .. s[(end + 1)..]];
        if (start == 1 && end == s.Length - 1) return ctx.Emit("Flatten", [ctx.In(x)], x.DataType, shape, NodeAttribute.Of("axis", 1L));
        if (start == end) return x;
        return View.Reshape(ctx, x, shape.Select(d => d < 0 ? 0L : d).ToArray(), call, shape);
    }
}
