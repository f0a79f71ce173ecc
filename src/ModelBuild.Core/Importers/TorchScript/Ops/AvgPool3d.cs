namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::avg_pool3d(Tensor self, int[3] kernel_size, int[3] stride=[], int[3] padding=0, bool ceil_mode=False,
/// bool count_include_pad=True, int? divisor_override=None) -&gt; Tensor</c> → ONNX <c>AveragePool</c> over [N, C, D, H, W].
/// </summary>
public static class AvgPool3d
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => Pooling.Average(ctx, call, 3);
}
