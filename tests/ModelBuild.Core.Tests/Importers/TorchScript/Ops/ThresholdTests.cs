namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Threshold"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class ThresholdTests
{
    [Fact]
    public void Lower_WhenValue_ReplacesBelowThreshold()
    {
        TorchScriptFixtures.AssertOpCase("threshold", atol: 0);
    }
}
