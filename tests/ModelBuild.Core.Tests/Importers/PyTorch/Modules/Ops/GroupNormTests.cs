namespace ModelBuild.Core.Tests.Importers.PyTorch.Modules.Ops;

/// <summary>GroupNorm (affine or not): minimal torch.save(model) fixtures → ONNX → ONNX Runtime, against PyTorch's outputs at batch 2 and 3.</summary>
public sealed class GroupNormTests
{
    [Theory]
    [InlineData("ops/groupnorm", "x: float32[batch,6,3,4]", new[] { "InstanceNormalization", "Mul", "Add" })]
    [InlineData("ops/groupnorm_no_affine", "x: float32[batch,6,5]", new[] { "InstanceNormalization" })]
    public void Convert_WhenSavedByPyTorch_MatchesItsOutputsWithASymbolicBatch(string fixture, string input, string[] opTypes)
    {
        ModuleParity.AssertMatchesPyTorch(fixture, input, opTypes.Where(o => o.Length > 0).ToArray());
    }
}
