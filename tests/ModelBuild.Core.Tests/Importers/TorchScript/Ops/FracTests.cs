namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Frac"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class FracTests
{
    [Fact]
    public void Lower_WhenBothSigns_KeepsTheSign()
    {
        TorchScriptFixtures.AssertOpCase("frac", atol: 1e-06);
    }
}
