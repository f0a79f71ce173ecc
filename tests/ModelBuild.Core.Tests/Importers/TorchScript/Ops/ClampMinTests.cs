namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.ClampMin"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class ClampMinTests
{
    [Fact]
    public void Lower_WhenScalarBound_Clips()
    {
        TorchScriptFixtures.AssertOpCase("clamp_min_op", atol: 0);
    }
}
