namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.NewFull"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class NewFullTests
{
    [Fact]
    public void Lower_WhenStaticSize_Matches()
    {
        TorchScriptFixtures.AssertOpCase("new_full", atol: 0);
    }
}
