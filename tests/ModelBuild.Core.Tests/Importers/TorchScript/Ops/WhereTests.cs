using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Importers.TorchScript;

namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Where"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class WhereTests
{
    [Fact]
    public void Lower_WhenBothBranchesAreTensors_BroadcastsAndMatches()
    {
        // torch.where(c > 0, x, y) with y of shape [3]
        var model = TorchScriptFixtures.AssertOpCase("where", atol: 0);

        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Where");
    }

    [Fact]
    public void Lower_WhenOtherIsAPythonFloat_KeepsTheTensorsType()
    {
        TorchScriptFixtures.AssertOpCase("where_scalar_other", atol: 0);
    }

    [Fact]
    public void Lower_WhenBothBranchesArePythonFloats_GivesFloat32()
    {
        TorchScriptFixtures.AssertOpCase("where_scalars", atol: 0);
    }

    [Fact]
    public void Lower_WhenOnlyACondition_FailsWithMbld2015()
    {
        // where(condition) gives the indices of non-zeros, a count only known at run time.
        var module = TorchScriptFixtures.FromSource(TorchScriptTestData.Forward("return (torch.where(torch.gt(x, 0.0)))[0]"));

        var ex = Assert.Throws<ModelBuildException>(() =>
            TorchScriptGraphBuilder.Build(module, new TorchScriptImportOptions([TorchScriptTestData.Float("x", 2, 3)])));

        Assert.Equal(DiagnosticCode.TorchScriptOperatorArguments, ex.Code);
        Assert.Contains("aten::where", ex.Message);
    }
}
