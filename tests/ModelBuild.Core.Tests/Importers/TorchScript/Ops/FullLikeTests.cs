namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.FullLike"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class FullLikeTests
{
    [Fact]
    public void Lower_WhenSmallStaticInput_IsAConstant()
    {
        TorchScriptFixtures.AssertOpCase("full_like", atol: 0);
    }

    [Fact]
    public void Lower_WhenLargeInput_UsesConstantOfShape()
    {
        var model = TorchScriptFixtures.AssertOpCase("full_like_large", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "ConstantOfShape");
    }
}
