namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::max_pool3d(Tensor self, int[3] kernel_size, int[3] stride=[], int[3] padding=0, int[3] dilation=1,
/// bool ceil_mode=False) -&gt; Tensor</c> → ONNX <c>MaxPool</c> over [N, C, D, H, W].
/// </summary>
public static class MaxPool3d
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => Pooling.Max(ctx, call, 3);
}
