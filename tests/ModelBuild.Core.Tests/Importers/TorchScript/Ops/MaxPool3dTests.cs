namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.MaxPool3d"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class MaxPool3dTests
{
    [Fact]
    public void Lower_WhenKernelTwo_Matches()
    {
        TorchScriptFixtures.AssertOpCase("max_pool3d", atol: 0);
    }
}
