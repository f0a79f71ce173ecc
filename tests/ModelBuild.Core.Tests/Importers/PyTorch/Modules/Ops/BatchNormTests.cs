namespace ModelBuild.Core.Tests.Importers.PyTorch.Modules.Ops;

/// <summary>BatchNorm1d/2d (running statistics, and batch statistics without them): minimal torch.save(model) fixtures → ONNX → ONNX Runtime, against PyTorch's outputs at batch 2 and 3.</summary>
public sealed class BatchNormTests
{
    [Theory]
    [InlineData("ops/batchnorm1d", "x: float32[batch,5,6]", new[] { "BatchNormalization" })]
    [InlineData("ops/batchnorm1d_2d", "x: float32[batch,5]", new[] { "BatchNormalization" })]
    [InlineData("ops/batchnorm2d", "x: float32[batch,3,4,4]", new[] { "BatchNormalization" })]
    [InlineData("ops/batchnorm2d_batch_stats", "x: float32[batch,3,4,4]", new[] { "ReduceMean" })]
    [InlineData("ops/batchnorm3d", "x: float32[batch,2,3,4,3]", new[] { "BatchNormalization" })]
    public void Convert_WhenSavedByPyTorch_MatchesItsOutputsWithASymbolicBatch(string fixture, string input, string[] opTypes)
    {
        ModuleParity.AssertMatchesPyTorch(fixture, input, opTypes.Where(o => o.Length > 0).ToArray());
    }
}
