namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Rsqrt"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class RsqrtTests
{
    [Fact]
    public void Lower_WhenPositive_Matches()
    {
        TorchScriptFixtures.AssertOpCase("rsqrt", atol: 1e-05);
    }
}
