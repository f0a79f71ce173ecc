namespace ModelBuild.Core.Tests.Importers.PyTorch.Modules.Ops;

/// <summary>ConvTranspose2d (output_padding, groups, dilation): minimal torch.save(model) fixtures → ONNX → ONNX Runtime, against PyTorch's outputs at batch 2 and 3.</summary>
public sealed class ConvTranspose2dTests
{
    [Theory]
    [InlineData("ops/conv_transpose2d", "x: float32[batch,4,4,5]", new[] { "ConvTranspose" })]
    [InlineData("ops/conv_transpose2d_groups", "x: float32[batch,4,3,4]", new[] { "ConvTranspose" })]
    [InlineData("ops/conv_transpose1d", "x: float32[batch,4,5]", new[] { "ConvTranspose" })]
    public void Convert_WhenSavedByPyTorch_MatchesItsOutputsWithASymbolicBatch(string fixture, string input, string[] opTypes)
    {
        ModuleParity.AssertMatchesPyTorch(fixture, input, opTypes.Where(o => o.Length > 0).ToArray());
    }
}
