namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Ones"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class OnesTests
{
    [Fact]
    public void Lower_WhenSizeIsSymbolic_UsesConstantOfShape()
    {
        // torch.ones(x.size(0), 3) with a traced size
        TorchScriptFixtures.AssertOpCase("ones_symbolic", atol: 0);
    }
}
