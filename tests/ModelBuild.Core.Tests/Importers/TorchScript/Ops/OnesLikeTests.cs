namespace ModelBuild.Core.Tests.Importers.TorchScript.Ops;

/// <summary>
/// <see cref="ModelBuild.Core.Importers.TorchScript.Ops.OnesLike"/> on code PyTorch traced (tests/fixtures/torchscript/ops):
/// the lowered graph run by ONNX Runtime against PyTorch's output.
/// </summary>
public sealed class OnesLikeTests
{
    [Fact]
    public void Lower_WhenDtypeIsLong_GivesInt64()
    {
        TorchScriptOpCases.AssertTyped("ones_like");
    }
}
