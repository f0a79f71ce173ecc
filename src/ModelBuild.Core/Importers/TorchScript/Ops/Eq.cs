using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::eq.Tensor(Tensor self, Tensor other) -&gt; Tensor</c> and <c>aten::eq.Scalar</c> → ONNX <c>Equal</c> on the
/// promoted type, a bool tensor.
/// </summary>
public static class Eq
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => Compare(ctx, call, negate: false);

    internal static TensorValue Compare(LoweringContext ctx, BoundCall call, bool negate) =>
        Compare(ctx, call, "Equal", (x, y) => x == y, negate);

    /// <summary>An ONNX comparison (<c>Equal</c>, <c>Greater</c>, <c>Less</c>) on the promoted type, optionally negated; known operands fold.</summary>
    internal static TensorValue Compare(LoweringContext ctx, BoundCall call, string opType, Func<double, double, bool> fold, bool negate)
    {
        var left = call["self"];
        var right = call["other"];
        var (a, b, type, shape) = Elementwise.Promote(ctx, call, left, right);
        if (a.Known is [var x] && b.Known is [var y]) return new TensorValue(null, DataType.Bool, shape, [fold(x, y) != negate ? 1 : 0]);
        var equal = ctx.Emit(opType, [ctx.In(a), ctx.In(b)], DataType.Bool, shape);
        return negate ? ctx.Unary("Not", equal) : equal;
    }
}
