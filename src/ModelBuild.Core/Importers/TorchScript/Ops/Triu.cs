using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::triu(Tensor self, int diagonal=0) -&gt; Tensor</c> (and <c>triu_</c>): element (i, j) of each trailing
/// matrix kept where j − i ≥ diagonal, else 0. A tensor known at conversion time (the causal mask
/// <c>nn.Transformer.generate_square_subsequent_mask</c> builds from <c>full</c> inside forward) folds into a constant;
/// any other becomes ONNX <c>Trilu(upper=1)</c> with the diagonal as k.
/// </summary>
public static class Triu
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        long diagonal = call.Int("diagonal");
        if (x.Rank < 2) throw call.Unsupported($"the input must have at least two dims, not {x.Rank}.");
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
        var k = ctx.In(ctx.Scalar(diagonal, DataType.Int64));
        return ctx.Emit("Trilu", [ctx.In(x), k], x.DataType, x.Shape, NodeAttribute.Of("upper", 1L));
    }
}
