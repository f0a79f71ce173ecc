namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.AdaptiveAvgPool1d"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class AdaptiveAvgPool1dTests
{
    [Fact]
    public void Lower_WhenBinsAreUneven_Matches()
    {
        TorchScriptFixtures.AssertOpCase("adaptive_avg_pool1d", atol: 1e-06);
    }
}
