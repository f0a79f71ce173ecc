namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Fmod"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class FmodTests
{
    [Fact]
    public void Lower_WhenNegativeDividend_KeepsItsSign()
    {
        TorchScriptFixtures.AssertOpCase("fmod", atol: 1e-05);
    }
}
