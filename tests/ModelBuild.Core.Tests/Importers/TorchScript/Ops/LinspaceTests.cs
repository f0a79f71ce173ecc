namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Linspace"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class LinspaceTests
{
    [Fact]
    public void Lower_WhenKnownBounds_IsAConstant()
    {
        TorchScriptFixtures.AssertOpCase("linspace", atol: 1e-06);
    }
}
