namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Clone"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class CloneTests
{
    [Fact]
    public void Lower_WhenCloneIsWrittenInto_LeavesTheInputAlone()
    {
        // y = x.clone(); y.fill_(0.25); return y + x
        TorchScriptFixtures.AssertOpCase("clone_fill_whole", atol: 0);
    }
}
