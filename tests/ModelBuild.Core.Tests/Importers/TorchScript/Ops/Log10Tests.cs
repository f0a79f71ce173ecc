namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Log10"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class Log10Tests
{
    [Fact]
    public void Lower_WhenInput_Matches()
    {
        TorchScriptFixtures.AssertOpCase("log10", atol: 1e-05);
    }
}
