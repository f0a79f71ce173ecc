namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Cosh"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class CoshTests
{
    [Fact]
    public void Lower_WhenInput_Matches()
    {
        TorchScriptFixtures.AssertOpCase("cosh", atol: 1e-05);
    }
}
