namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Hardshrink"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class HardshrinkTests
{
    [Fact]
    public void Lower_WhenLambd_Matches()
    {
        TorchScriptFixtures.AssertOpCase("hardshrink", atol: 0);
    }
}
