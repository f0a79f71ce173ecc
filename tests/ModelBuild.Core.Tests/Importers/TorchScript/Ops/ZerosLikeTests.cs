namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.ZerosLike"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class ZerosLikeTests
{
    [Fact]
    public void Lower_WhenSmallStaticInput_IsAConstant()
    {
        TorchScriptFixtures.AssertOpCase("zeros_like", atol: 0);
    }
}
