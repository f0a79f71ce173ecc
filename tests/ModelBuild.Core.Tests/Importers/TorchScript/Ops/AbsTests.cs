namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Abs"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class AbsTests
{
    [Fact]
    public void Lower_WhenInput_Matches()
    {
        TorchScriptFixtures.AssertOpCase("abs", atol: 0);
    }
}
