namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.OneHot"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class OneHotTests
{
    [Fact]
    public void Lower_WhenNumClasses_GivesInt64()
    {
        var model = TorchScriptOpCases.AssertTyped("one_hot");

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "OneHot");
    }
}
