namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Round"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class RoundTests
{
    [Fact]
    public void Lower_WhenHalves_RoundsToEven()
    {
        TorchScriptFixtures.AssertOpCase("round", atol: 0);
    }
}
