namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Baddbmm"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class BaddbmmTests
{
    [Fact]
    public void Lower_WhenBetaAndAlpha_Matches()
    {
        TorchScriptFixtures.AssertOpCase("baddbmm", atol: 1e-05);
    }
}
