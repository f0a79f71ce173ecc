using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::floor_divide(Tensor self, Tensor other) -&gt; Tensor</c> (and <c>.Scalar</c>, <c>floor_divide_</c>). In
/// PyTorch 1.13 it rounds toward zero despite its name (a deprecation warning says so). Known operands (traced
/// channel arithmetic such as ShuffleNet's <c>num_channels // groups</c>) fold; integers known only at run time →
/// ONNX <c>Div</c>, which truncates; floats → <c>Div</c>, then sign·floor(|q|).
/// </summary>
public static class FloorDivide
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var result = Elementwise.Binary(ctx, call, "Div", call["self"], call["other"], (a, b) => Math.Truncate(a / b));
        if (result.Name is null || !LoweringContext.IsFloating(result.DataType)) return result;
        var magnitude = ctx.Unary("Floor", ctx.Unary("Abs", result));
        return ctx.Emit("Mul", [ctx.In(ctx.Unary("Sign", result)), ctx.In(magnitude)], result.DataType, result.Shape);
    }
}
