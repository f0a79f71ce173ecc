namespace ModelBuild.Core.Tests.Importers.PyTorch.Modules.Ops;

/// <summary>AdaptiveAvgPool2d (1 → GlobalAveragePool; divisible sizes → AveragePool): minimal torch.save(model) fixtures → ONNX → ONNX Runtime, against PyTorch's outputs at batch 2 and 3.</summary>
public sealed class AdaptiveAvgPool2dTests
{
    [Theory]
    [InlineData("ops/adaptive_avgpool2d_global", "x: float32[batch,3,5,4]", new[] { "GlobalAveragePool" })]
    [InlineData("ops/adaptive_avgpool2d", "x: float32[batch,2,4,6]", new[] { "AveragePool" })]
    public void Convert_WhenSavedByPyTorch_MatchesItsOutputsWithASymbolicBatch(string fixture, string input, string[] opTypes)
    {
        ModuleParity.AssertMatchesPyTorch(fixture, input, opTypes.Where(o => o.Length > 0).ToArray());
    }
}
