namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Glu"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class GluTests
{
    [Fact]
    public void Lower_WhenDim1_GatesTheSecondHalf()
    {
        TorchScriptFixtures.AssertOpCase("glu", atol: 1e-06);
    }
}
