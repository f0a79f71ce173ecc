namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Mish"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class MishTests
{
    [Fact]
    public void Lower_WhenInputSpansBothSigns_Matches()
    {
        TorchScriptFixtures.AssertOpCase("mish", atol: 1e-05);
    }
}
