namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.AvgPool3d"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class AvgPool3dTests
{
    [Fact]
    public void Lower_WhenPadded_Matches()
    {
        TorchScriptFixtures.AssertOpCase("avg_pool3d", atol: 1e-06);
    }
}
