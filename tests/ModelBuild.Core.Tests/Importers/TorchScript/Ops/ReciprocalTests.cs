namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.Reciprocal"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class ReciprocalTests
{
    [Fact]
    public void Lower_WhenPositive_Matches()
    {
        TorchScriptFixtures.AssertOpCase("reciprocal", atol: 1e-06);
    }
}
