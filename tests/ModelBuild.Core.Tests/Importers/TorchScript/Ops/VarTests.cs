namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Var"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class VarTests
{
    [Fact]
    public void Lower_WhenUnbiasedByDefault_DividesByNMinusOne()
    {
        TorchScriptFixtures.AssertOpCase("var", atol: 1e-05);
    }

    [Fact]
    public void Lower_WhenUnbiasedIsFalseOverSeveralDims_DividesByN()
    {
        TorchScriptFixtures.AssertOpCase("var_biased", atol: 1e-05);
    }

    [Fact]
    public void Lower_WhenCorrectionIsZero_DividesByN()
    {
        TorchScriptFixtures.AssertOpCase("var_correction", atol: 1e-05);
    }
}
