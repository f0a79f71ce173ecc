using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::group_norm(Tensor input, int num_groups, Tensor? weight=None, Tensor? bias=None, float eps=1e-05,
/// bool cudnn_enabled=True) -&gt; Tensor</c>. Opset 17 has no GroupNormalization, so: Reshape [N, groups, -1],
/// <c>InstanceNormalization</c> with unit scale and zero bias (it normalizes each group over its elements), Reshape
/// back to the input's run-time shape, then the per-channel weight and bias broadcast over the spatial dims.
/// </summary>
public static class GroupNorm
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("input");
        long groups = call.Int("num_groups");
        if (x.Shape is not { Length: >= 2 } s) throw call.Unsupported("the input must have a batch and a channel dim.");
        if (s[1] < 0 || groups <= 0 || s[1] % groups != 0) throw call.Unsupported($"{s[1]} channels are not divisible into {groups} groups.");
        var type = x.DataType;
        var grouped = ctx.Emit("Reshape", [ctx.In(x), ctx.In(ctx.Ints(0, groups, -1))], type, [s[0], groups, -1]);
        var ones = ctx.EmitConstant(Enumerable.Repeat(1.0, (int)groups).ToArray(), type, [groups]);
        var zeros = ctx.EmitConstant(new double[groups], type, [groups]);
        var normalized = ctx.Emit("InstanceNormalization", [ctx.In(grouped), ones, zeros], type, grouped.Shape,
            NodeAttribute.Of("epsilon", (float)call.Double("eps")));
        var shape = ctx.Emit("Shape", [ctx.In(x)], Tensors.DataType.Int64, [s.Length]);
        var result = ctx.Emit("Reshape", [ctx.In(normalized), ctx.In(shape)], type, s);
        long[] perChannel = [s[1], .. Enumerable.Repeat(1L, s.Length - 2)];
        if (call.OptionalTensor("weight") is { } weight)
        {
            var w = ctx.Emit("Reshape", [ctx.In(weight), ctx.In(ctx.Ints(perChannel))], type, perChannel);
            result = ctx.Emit("Mul", [ctx.In(result), ctx.In(w)], type, s);
        }
        if (call.OptionalTensor("bias") is { } bias)
        {
            var b = ctx.Emit("Reshape", [ctx.In(bias), ctx.In(ctx.Ints(perChannel))], type, perChannel);
            result = ctx.Emit("Add", [ctx.In(result), ctx.In(b)], type, s);
        }
        return result;
    }
}
