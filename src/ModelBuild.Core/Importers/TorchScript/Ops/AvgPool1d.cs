namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::avg_pool1d(Tensor self, int[1] kernel_size, int[1] stride=[], int[1] padding=[0], bool ceil_mode=False,
/// bool count_include_pad=True) -&gt; Tensor</c> → ONNX <c>AveragePool</c> over [N, C, L].
/// </summary>
public static class AvgPool1d
{
    public static object? Lower(LoweringContext ctx, BoundCall call) => Pooling.Average(ctx, call, 1);
}
