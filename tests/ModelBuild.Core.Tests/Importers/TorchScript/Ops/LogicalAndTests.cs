namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.LogicalAnd"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class LogicalAndTests
{
    [Fact]
    public void Lower_WhenFloatAndBool_ReadsNonZeroAsTrue()
    {
        TorchScriptOpCases.AssertTyped("logical_and");
    }
}
