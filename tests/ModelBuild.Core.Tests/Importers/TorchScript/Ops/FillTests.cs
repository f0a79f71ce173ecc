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
    public void Lower_WhenTensorIsOnlyKnownAtRunTime_FailsWithMbld2015()
    {
        var module = TorchScriptFixtures.FromSource(TorchScriptTestData.Forward("return torch.fill_(x, 1.0)"));

        var ex = Assert.Throws<ModelBuildException>(() =>
            TorchScriptGraphBuilder.Build(module, new TorchScriptImportOptions([TorchScriptTestData.Float("x", 2, 3)])));

        Assert.Equal(DiagnosticCode.TorchScriptOperatorArguments, ex.Code);
        Assert.Contains("aten::fill_", ex.Message);
    }
}
