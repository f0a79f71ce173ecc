namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Arange"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class ArangeTests
{
    [Fact]
    public void Lower_WhenIntEnd_GivesInt64AndPromotes()
    {
        TorchScriptFixtures.AssertOpCase("arange", atol: 0);
    }

    [Fact]
    public void Lower_WhenFloatStep_GivesFloat32()
    {
        TorchScriptFixtures.AssertOpCase("arange_float", atol: 0);
    }
}
