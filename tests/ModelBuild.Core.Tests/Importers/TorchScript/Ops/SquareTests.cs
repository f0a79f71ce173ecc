namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Square"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class SquareTests
{
    [Fact]
    public void Lower_WhenInput_Matches()
    {
        TorchScriptFixtures.AssertOpCase("square", atol: 1e-06);
    }
}
