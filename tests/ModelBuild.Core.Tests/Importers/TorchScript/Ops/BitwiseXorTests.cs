namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.BitwiseXor"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class BitwiseXorTests
{
    [Fact]
    public void Lower_WhenBools_Matches()
    {
        TorchScriptOpCases.AssertTyped("bitwise_xor");
    }
}
