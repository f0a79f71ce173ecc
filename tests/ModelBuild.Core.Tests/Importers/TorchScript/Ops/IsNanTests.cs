namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.IsNan"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class IsNanTests
{
    [Fact]
    public void Lower_WhenZeroOverZero_FindsNaN()
    {
        TorchScriptOpCases.AssertTyped("isnan");
    }
}
