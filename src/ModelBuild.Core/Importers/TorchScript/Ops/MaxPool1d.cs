namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::max_pool1d(Tensor self, int[1] kernel_size, int[1] stride=[], int[1] padding=[0], int[1] dilation=[1],
/// bool ceil_mode=False) -&gt; Tensor</c> → ONNX <c>MaxPool</c> over [N, C, L] (an empty stride means the kernel size).
/// </summary>
public static class MaxPool1d
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => Pooling.Max(ctx, call, 1);
}
