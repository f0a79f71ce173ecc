namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Celu"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class CeluTests
{
    [Fact]
    public void Lower_WhenAlpha_Matches()
    {
        TorchScriptFixtures.AssertOpCase("celu", atol: 1e-05);
    }
}
