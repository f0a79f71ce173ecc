using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::matmul(Tensor self, Tensor other) -&gt; Tensor</c> and <c>aten::bmm(Tensor self, Tensor mat2) -&gt; Tensor</c>
/// → ONNX <c>MatMul</c> (NumPy matmul semantics, as PyTorch's).
/// </summary>
public static class Matmul
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var a = call.Tensor("self");
        var b = call.Has("other") ? call.Tensor("other") : call.Tensor("mat2");
        return ctx.Emit("MatMul", [ctx.In(a), ctx.In(b)], a.DataType, Shape(a.Shape, b.Shape));
    }

    private static long[]? Shape(long[]? a, long[]? b)
    {
        if (a is null || b is null) return null;
        if (a.Length == 1 && b.Length == 1) return [];
        if (a.Length == 1) return [.. b[..^2], b[^1]];
        if (b.Length == 1) return a[..^1];
        var batch = LoweringContext.Broadcast(a[..^2], b[..^2])!;
        return [.. batch, a[^2], b[^1]];
    }
}
