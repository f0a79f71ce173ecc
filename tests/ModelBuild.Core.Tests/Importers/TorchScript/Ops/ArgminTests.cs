namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Argmin"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class ArgminTests
{
    [Fact]
    public void Lower_WhenKeepdim_GivesInt64Indices()
    {
        var model = TorchScriptOpCases.AssertTyped("argmin");

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "ArgMin");
    }
}
