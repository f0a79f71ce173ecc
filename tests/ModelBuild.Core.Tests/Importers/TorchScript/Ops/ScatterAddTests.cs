namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.ScatterAdd"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class ScatterAddTests
{
    [Fact]
    public void Lower_WhenIndicesRepeat_Sums()
    {
        TorchScriptFixtures.AssertOpCase("scatter_add", atol: 1e-06);
    }
}
