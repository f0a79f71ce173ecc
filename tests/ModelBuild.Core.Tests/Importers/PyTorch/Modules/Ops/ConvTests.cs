namespace ModelBuild.Core.Tests.Importers.PyTorch.Modules.Ops;

/// <summary>Conv1d/Conv2d (ints, 'same', 'valid', groups, dilation): minimal torch.save(model) fixtures → ONNX → ONNX Runtime, against PyTorch's outputs at batch 2 and 3.</summary>
public sealed class ConvTests
{
    [Theory]
    [InlineData("ops/conv1d", "x: float32[batch,4,10]", new[] { "Conv" })]
    [InlineData("ops/conv1d_same", "x: float32[batch,4,9]", new[] { "Conv" })]
    [InlineData("ops/conv2d", "x: float32[batch,3,7,8]", new[] { "Conv" })]
    [InlineData("ops/conv2d_valid_depthwise", "x: float32[batch,4,6,6]", new[] { "Conv" })]
    [InlineData("ops/conv2d_same_even", "x: float32[batch,2,6,5]", new[] { "Conv" })]
    [InlineData("ops/conv3d", "x: float32[batch,2,4,5,5]", new[] { "Conv" })]
    public void Convert_WhenSavedByPyTorch_MatchesItsOutputsWithASymbolicBatch(string fixture, string input, string[] opTypes)
    {
        ModuleParity.AssertMatchesPyTorch(fixture, input, opTypes.Where(o => o.Length > 0).ToArray());
    }
}
