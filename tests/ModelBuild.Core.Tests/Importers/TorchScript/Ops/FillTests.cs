using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Importers.TorchScript;

namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Fill"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output at an explicit atol (rtol 1e-4).
/// </summary>
public sealed class FillTests
{
    [Fact]
    public void Lower_WhenSlicesOfKnownTensorAreFilled_WritesThroughToIt()
    {
        // m = x.new_zeros((3, 4)); m[0:2, 1:3] = 2.0; m[-1:, :] = 5.0; return x + m
        TorchScriptFixtures.AssertOpCase("new_zeros_fill", atol: 0);
    }

    [Fact]
    public void Lower_WhenSelectOfARunTimeTensorIsFilled_RebuildsItWithWhere()
    {
        // y = x.clone(); y[:, 0] = 1.5; return y * 2
        var model = TorchScriptFixtures.AssertOpCase("clone_fill_select", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Where");
    }

    [Fact]
    public void Lower_WhenTheWrittenTensorHasASymbolicBatch_StillMatches()
    {
        // Only the selected dim must be static; the batch dim of y may vary.
        TorchScriptOpCases.AssertWithSymbolicBatch("clone_fill_select", atol: 0);
    }

    [Fact]
    public void Lower_WhenWholeRunTimeTensorIsFilled_ExpandsTheValue()
    {
        var module = TorchScriptFixtures.FromSource(TorchScriptTestData.Forward("return torch.fill_(x, 1.0)"));

        var model = TorchScriptGraphBuilder.Build(module, new TorchScriptImportOptions([TorchScriptTestData.Float("x", 2, 3)]));

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Expand");
    }

    [Fact]
    public void Lower_WhenTargetIsASliceOfAReshapedView_FailsWithMbld2015()
    {
        // view() aliases y in a way the converter does not track: the write must not silently miss y.
        var module = TorchScriptFixtures.FromSource(TorchScriptTestData.Forward("""
            y = torch.clone(x)
                _0 = torch.view(y, [6])
                _1 = torch.fill_(torch.slice(_0, 0, 0, 2), 1.0)
                return y
            """));

        var ex = Assert.Throws<ModelBuildException>(() =>
            TorchScriptGraphBuilder.Build(module, new TorchScriptImportOptions([TorchScriptTestData.Float("x", 2, 3)])));

        Assert.Equal(DiagnosticCode.TorchScriptOperatorArguments, ex.Code);
        Assert.Contains("aten::fill_", ex.Message);
        Assert.Contains("view", ex.Message);
    }
}
