namespace ModelBuild.Core.Tests.Importers.PyTorch.Modules.Ops;

/// <summary>MaxPool2d (ceil_mode, dilation): minimal torch.save(model) fixtures → ONNX → ONNX Runtime, against PyTorch's outputs at batch 2 and 3.</summary>
public sealed class MaxPool2dTests
{
    [Theory]
    [InlineData("ops/maxpool2d", "x: float32[batch,2,7,7]", new[] { "MaxPool" })]
    [InlineData("ops/maxpool2d_dilation", "x: float32[batch,2,7,6]", new[] { "MaxPool" })]
    [InlineData("ops/maxpool1d", "x: float32[batch,3,9]", new[] { "MaxPool" })]
    [InlineData("ops/maxpool3d", "x: float32[batch,2,4,4,6]", new[] { "MaxPool" })]
    public void Convert_WhenSavedByPyTorch_MatchesItsOutputsWithASymbolicBatch(string fixture, string input, string[] opTypes)
    {
        ModuleParity.AssertMatchesPyTorch(fixture, input, opTypes.Where(o => o.Length > 0).ToArray());
    }
}
