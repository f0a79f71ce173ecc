using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::div.Tensor(Tensor self, Tensor other) -&gt; Tensor</c>, <c>aten::div.Scalar(Tensor self, Scalar other)</c>,
/// <c>aten::div.Tensor_mode(Tensor self, Tensor other, *, str? rounding_mode)</c> (and <c>.Scalar_mode</c>, <c>div_</c>)
/// → ONNX <c>Div</c>. True division promotes integers to float32; <c>rounding_mode</c> folds when both operands are
/// known (traced shape arithmetic), and "floor" on floats adds <c>Floor</c>.
/// </summary>
public static class Div
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var mode = call.Has("rounding_mode") ? call.OptionalString("rounding_mode") : null;
        var left = call["self"];
        var right = call["other"];
        var type = LoweringContext.ResultType([left, right]);
        if (mode is null && !LoweringContext.IsFloating(type))
        {
            // True division of integers gives the default float type.
            left = ctx.Cast(ctx.AsTensor(left, type, call, "self"), DataType.Float32);
        }
        Func<double, double, double> fold = mode switch
        {
            null => (a, b) => a / b,
            "trunc" => (a, b) => Math.Truncate(a / b),
            "floor" => (a, b) => Math.Floor(a / b),
            _ => throw call.Unsupported($"rounding_mode '{mode}' is not one of None, 'trunc', 'floor'."),
        };
        var result = Elementwise.Binary(ctx, call, "Div", left, right, fold);
        if (mode is null || result.Name is null) return result;
        if (!LoweringContext.IsFloating(result.DataType))
        {
            if (mode == "trunc") return result; // ONNX integer Div truncates.
            throw call.Unsupported("rounding_mode 'floor' on integer tensors known only at run time is not supported yet.");
        }
        if (mode == "floor") return ctx.Unary("Floor", result);
        throw call.Unsupported("rounding_mode 'trunc' on float tensors known only at run time is not supported yet.");
    }
}
