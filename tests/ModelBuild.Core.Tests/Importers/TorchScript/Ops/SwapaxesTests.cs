namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Swapaxes"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class SwapaxesTests
{
    [Fact]
    public void Lower_WhenTwoAxes_Transposes()
    {
        TorchScriptFixtures.AssertOpCase("swapaxes", atol: 0);
    }
}
