using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Importers.TorchScript;

namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.BitwiseAnd"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class BitwiseAndTests
{
    [Fact]
    public void Lower_WhenBools_Matches()
    {
        TorchScriptOpCases.AssertTyped("bitwise_and");
    }

    [Fact]
    public void Lower_WhenOperandsAreIntegers_FailsWithMbld2015()
    {
        // Opset 17 has no BitwiseAnd for integers; And takes only bools.
        var module = TorchScriptFixtures.FromSource(TorchScriptTestData.Forward("return torch.__and__(torch.to(x, 4), 3)"));

        var ex = Assert.Throws<ModelBuildException>(() =>
            TorchScriptGraphBuilder.Build(module, new TorchScriptImportOptions([TorchScriptTestData.Float("x", 2, 3)])));

        Assert.Equal(DiagnosticCode.TorchScriptOperatorArguments, ex.Code);
        Assert.Contains("bool", ex.Message);
    }
}
