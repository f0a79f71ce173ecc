namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.BitwiseNot"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class BitwiseNotTests
{
    [Fact]
    public void Lower_WhenBool_Matches()
    {
        TorchScriptOpCases.AssertTyped("bitwise_not");
    }
}
