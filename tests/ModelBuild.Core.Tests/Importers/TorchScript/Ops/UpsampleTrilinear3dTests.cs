namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.UpsampleTrilinear3d"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class UpsampleTrilinear3dTests
{
    [Fact]
    public void Lower_WhenScaleFactor_Matches()
    {
        TorchScriptFixtures.AssertOpCase("upsample_trilinear3d", atol: 1e-05);
    }
}
