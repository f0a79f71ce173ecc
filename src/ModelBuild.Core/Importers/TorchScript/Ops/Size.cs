using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::size(Tensor self) -&gt; int[]</c> and <c>aten::size.int(Tensor self, int dim) -&gt; int</c>: evaluated at
/// conversion time from the static shape; a symbolic dim becomes a <see cref="SymIntValue"/> computed with ONNX
/// <c>Shape</c>/<c>Squeeze</c>.
/// </summary>
public static class Size
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (x.Shape is null) throw NotStatic(call, "its rank");
        if (call.Has("dim"))
        {
            if (call["dim"] is string) throw call.Unsupported("named dimensions are not supported.");
            int axis = LoweringContext.Axis(call.Int("dim"), x.Rank);
            if (axis < 0 || axis >= x.Rank) throw call.Unsupported($"dim {call.Int("dim")} is out of range for a rank-{x.Rank} tensor.");
            return x.Shape[axis] >= 0 ? x.Shape[axis] : ctx.DimOf(x, axis);
        }
        return x.Shape.Select((d, i) => d >= 0 ? (object?)d : ctx.DimOf(x, i)).ToList();
    }

    private static Diagnostics.ModelBuildException NotStatic(BoundCall call, string what) =>
        TorchScriptThrowHelper.At(Diagnostics.DiagnosticCode.TorchScriptNotStatic, call.Archive, call.Location,
            $"{call.Schema.FullName} needs {what}, which is not static; give the input a fixed shape.");
}
