using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::arange(Scalar end, *, ScalarType? dtype=None, …)</c>, <c>arange.start(Scalar start, Scalar end, …)</c>
/// and <c>arange.start_step(Scalar start, Scalar end, Scalar step=1, …)</c> with bounds known at conversion time: a
/// tensor known at conversion time (start + i·step for i below ceil((end − start) / step)), which folds or becomes
/// a Constant. Its type is <c>dtype</c>, else float32 when any bound is a float, else int64, as PyTorch infers.
/// A bound known only at run time (a symbolic size) → ONNX <c>Range</c>.
/// </summary>
public static class Arange
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        object? start = call.Has("start") ? call["start"] : 0L;
        object? end = call["end"];
        object? step = call.Has("step") ? call["step"] : 1L;
        object?[] bounds = [start, end, step];
        var type = call.OptionalInt("dtype") is long dtype ? ScalarTypes.ToDataType(dtype, call)
            : bounds.Any(b => b is double || b is TensorValue t && LoweringContext.IsFloating(t.DataType)) ? DataType.Float32 : DataType.Int64;
        if (bounds.Any(b => b is SymIntValue || b is TensorValue { Known: null }))
        {
            var inputs = bounds.Select((b, i) => ctx.In(ctx.Cast(ctx.AsTensor(b, type, call, i switch { 0 => "start", 1 => "end", _ => "step" }), type))).ToArray();
            return ctx.Emit("Range", inputs, type, [-1]);
        }
        double Number(object? value, string name) => value switch
        {
            long l => l,
            double d => d,
            bool b => b ? 1 : 0,
            TensorValue { Known: [var k] } => k,
            _ => throw call.Unsupported($"{name} must be a number, but is {ScriptTypes.Describe(value)}."),
        };
        double first = Number(start, "start"), last = Number(end, "end"), stride = Number(step, "step");
        if (stride == 0 || (last - first) / stride < 0) throw call.Unsupported($"arange({first}, {last}, {stride}) has an invalid step for its range.");
        long count = (long)Math.Ceiling((last - first) / stride);
        if (count > NewZeros.MaxElements) throw call.Unsupported($"arange of {count} elements is above {NewZeros.MaxElements} for a tensor built at conversion time.");
        var values = new double[count];
        for (long i = 0; i < count; i++) values[i] = first + i * stride;
        if (!LoweringContext.IsFloating(type)) values = values.Select(Math.Truncate).ToArray();
        return new TensorValue(null, type, [count], values);
    }
}
