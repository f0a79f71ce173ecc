namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Argmax"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class ArgmaxTests
{
    [Fact]
    public void Lower_WhenDim_GivesInt64Indices()
    {
        var model = TorchScriptOpCases.AssertTyped("argmax");

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "ArgMax");
    }

    [Fact]
    public void Lower_WhenNoDim_IndexesTheFlattenedInput()
    {
        TorchScriptOpCases.AssertTyped("argmax_all");
    }
}
