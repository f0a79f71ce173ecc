namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Addcmul"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class AddcmulTests
{
    [Fact]
    public void Lower_WhenValue_Matches()
    {
        TorchScriptFixtures.AssertOpCase("addcmul", atol: 1e-06);
    }
}
