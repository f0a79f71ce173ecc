using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>Output sizes of pooling windows, as PyTorch computes them (ceil mode may not start a window in the padding).</summary>
internal static class Pooling
{
    public static long[]? Shape(long[]? input, long[] kernel, long[] stride, long[] padding, long[] dilation, bool ceil)
    {
        if (input is null || input.Length != kernel.Length + 2) return null;
        var shape = (long[])input.Clone();
        for (int i = 0; i < kernel.Length; i++)
        {
            long size = input[i + 2];
            if (size < 0) continue;
            long span = size + 2 * padding[i] - dilation[i] * (kernel[i] - 1) - 1;
            long o = (ceil ? (span + stride[i] - 1) / stride[i] : span / stride[i]) + 1;
            if (ceil && (o - 1) * stride[i] >= size + padding[i]) o--;
            shape[i + 2] = o;
        }
        return shape;
    }

    public static long[] Fit(long[] v, int n, BoundCall call, string what) =>
        v.Length == n ? v : v.Length == 1 ? Enumerable.Repeat(v[0], n).ToArray() : throw call.Unsupported($"{what} has {v.Length} values for {n} spatial dims.");
}
