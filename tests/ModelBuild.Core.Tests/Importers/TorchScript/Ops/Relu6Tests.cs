namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Relu6"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class Relu6Tests
{
    [Fact]
    public void Lower_WhenInputExceedsSix_Clips()
    {
        TorchScriptFixtures.AssertOpCase("relu6", atol: 0);
    }
}
