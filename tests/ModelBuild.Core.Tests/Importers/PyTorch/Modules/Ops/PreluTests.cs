namespace ModelBuild.Core.Tests.Importers.PyTorch.Modules.Ops;

/// <summary>PReLU (one slope, one per channel): minimal torch.save(model) fixtures → ONNX → ONNX Runtime, against PyTorch's outputs at batch 2 and 3.</summary>
public sealed class PreluTests
{
    [Theory]
    [InlineData("ops/prelu", "x: float32[batch,3,5]", new[] { "PRelu" })]
    [InlineData("ops/prelu_channels", "x: float32[batch,3,4,4]", new[] { "PRelu", "Reshape" })]
    public void Convert_WhenSavedByPyTorch_MatchesItsOutputsWithASymbolicBatch(string fixture, string input, string[] opTypes)
    {
        ModuleParity.AssertMatchesPyTorch(fixture, input, opTypes.Where(o => o.Length > 0).ToArray());
    }
}
