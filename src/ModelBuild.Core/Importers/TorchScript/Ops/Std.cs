namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::std</c> with the overloads of <see cref="Var"/> (<c>unbiased</c>, <c>dim</c>, <c>correction</c>): the
/// square root (ONNX <c>Sqrt</c>) of the variance.
/// </summary>
public static class Std
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => ctx.Unary("Sqrt", Variance.Lower(ctx, call));
}
