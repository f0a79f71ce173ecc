namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Trunc"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class TruncTests
{
    [Fact]
    public void Lower_WhenBothSigns_RoundsTowardZero()
    {
        TorchScriptFixtures.AssertOpCase("trunc", atol: 0);
    }
}
