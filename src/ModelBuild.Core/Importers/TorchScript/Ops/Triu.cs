using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::triu(Tensor self, int diagonal=0) -&gt; Tensor</c>: element (i, j) of each trailing matrix kept where
/// j − i ≥ diagonal, else 0. A tensor known at conversion time (a causal mask built from <c>full</c>) folds; any other
/// becomes ONNX <c>Trilu(upper=1)</c> with k = diagonal.
/// </summary>
public static class Triu
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        long diagonal = call.Int("diagonal");
        if (x.Rank < 2) throw call.Unsupported($"self must have at least 2 dims, not {x.Rank}.");
        if (x.Known is { } known && x.IsStatic)
        {
            long rows = x.Shape![^2], cols = x.Shape[^1];
            var values = (double[])known.Clone();
            for (long n = 0; n < values.Length; n++)
            {
                long i = n / cols % rows, j = n % cols;
                if (j - i < diagonal) values[n] = 0;
            }
            return new TensorValue(null, x.DataType, x.Shape, values);
        }
        return ctx.Emit("Trilu", [ctx.In(x), ctx.In(ctx.Scalar(diagonal, DataType.Int64))], x.DataType, x.Shape, NodeAttribute.Of("upper", 1L));
    }
}
