namespace ModelBuild.Core.Tests.Importers.PyTorch.Modules.Ops;

/// <summary>InstanceNorm1d/2d/3d (affine, running statistics): minimal torch.save(model) fixtures → ONNX → ONNX Runtime, against PyTorch's outputs at batch 2 and 3.</summary>
public sealed class InstanceNormTests
{
    [Theory]
    [InlineData("ops/instancenorm1d", "x: float32[batch,3,7]", new[] { "InstanceNormalization" })]
    [InlineData("ops/instancenorm2d_affine", "x: float32[batch,3,4,5]", new[] { "InstanceNormalization" })]
    [InlineData("ops/instancenorm2d_running", "x: float32[batch,3,4,5]", new[] { "BatchNormalization" })]
    [InlineData("ops/instancenorm3d", "x: float32[batch,2,3,4,3]", new[] { "InstanceNormalization" })]
    public void Convert_WhenSavedByPyTorch_MatchesItsOutputsWithASymbolicBatch(string fixture, string input, string[] opTypes)
    {
        ModuleParity.AssertMatchesPyTorch(fixture, input, opTypes.Where(o => o.Length > 0).ToArray());
    }
}
