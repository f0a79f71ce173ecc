namespace ModelBuild.Core.Tests.Importers.PyTorch.Modules.Ops;

/// <summary>LeakyReLU: minimal torch.save(model) fixtures → ONNX → ONNX Runtime, against PyTorch's outputs at batch 2 and 3.</summary>
public sealed class LeakyReluTests
{
    [Theory]
    [InlineData("ops/leaky_relu", "x: float32[batch,3,5]", new[] { "LeakyRelu" })]
    public void Convert_WhenSavedByPyTorch_MatchesItsOutputsWithASymbolicBatch(string fixture, string input, string[] opTypes)
    {
        ModuleParity.AssertMatchesPyTorch(fixture, input, opTypes.Where(o => o.Length > 0).ToArray());
    }
}
