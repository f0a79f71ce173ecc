namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Lerp"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class LerpTests
{
    [Fact]
    public void Lower_WhenScalarWeight_Matches()
    {
        TorchScriptFixtures.AssertOpCase("lerp", atol: 1e-06);
    }

    [Fact]
    public void Lower_WhenTensorWeight_Matches()
    {
        TorchScriptFixtures.AssertOpCase("lerp_tensor", atol: 1e-06);
    }
}
