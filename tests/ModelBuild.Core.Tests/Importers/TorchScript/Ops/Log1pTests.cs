namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Log1p"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class Log1pTests
{
    [Fact]
    public void Lower_WhenInput_Matches()
    {
        TorchScriptFixtures.AssertOpCase("log1p", atol: 1e-05);
    }
}
