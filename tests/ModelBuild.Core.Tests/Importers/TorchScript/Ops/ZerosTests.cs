namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Zeros"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class ZerosTests
{
    [Fact]
    public void Lower_WhenStaticSize_IsAConstant()
    {
        TorchScriptFixtures.AssertOpCase("zeros", atol: 0);
    }
}
