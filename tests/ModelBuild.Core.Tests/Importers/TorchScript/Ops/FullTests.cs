namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Full"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class FullTests
{
    [Fact]
    public void Lower_WhenFloatValue_GivesFloat32()
    {
        TorchScriptFixtures.AssertOpCase("full", atol: 0);
    }
}
