namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.UpsampleLinear1d"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class UpsampleLinear1dTests
{
    [Fact]
    public void Lower_WhenSizeWithHalfPixel_Matches()
    {
        TorchScriptFixtures.AssertOpCase("upsample_linear1d", atol: 1e-05);
    }

    [Fact]
    public void Lower_WhenAlignCorners_Matches()
    {
        TorchScriptFixtures.AssertOpCase("upsample_linear1d_corners", atol: 1e-05);
    }
}
