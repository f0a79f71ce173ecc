namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.UpsampleBicubic2d"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class UpsampleBicubic2dTests
{
    [Fact]
    public void Lower_WhenSize_MatchesPyTorchsCubic()
    {
        TorchScriptFixtures.AssertOpCase("upsample_bicubic2d", atol: 0.0001);
    }

    [Fact]
    public void Lower_WhenAlignCorners_Matches()
    {
        TorchScriptFixtures.AssertOpCase("upsample_bicubic2d_corners", atol: 0.0001);
    }
}
