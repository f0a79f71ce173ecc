namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Atan2"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class Atan2Tests
{
    [Fact]
    public void Lower_WhenEveryQuadrantAndTheAxes_MatchesPyTorch()
    {
        TorchScriptFixtures.AssertOpCase("atan2", atol: 1e-06);
    }
}
