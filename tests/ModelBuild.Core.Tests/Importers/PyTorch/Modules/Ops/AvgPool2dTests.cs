namespace ModelBuild.Core.Tests.Importers.PyTorch.Modules.Ops;

/// <summary>AvgPool2d (ceil_mode with count_include_pad=False; padding counted): minimal torch.save(model) fixtures → ONNX → ONNX Runtime, against PyTorch's outputs at batch 2 and 3.</summary>
public sealed class AvgPool2dTests
{
    [Theory]
    [InlineData("ops/avgpool2d", "x: float32[batch,2,7,7]", new[] { "AveragePool" })]
    [InlineData("ops/avgpool2d_include_pad", "x: float32[batch,2,5,6]", new[] { "AveragePool" })]
    [InlineData("ops/avgpool1d", "x: float32[batch,3,9]", new[] { "AveragePool" })]
    [InlineData("ops/avgpool3d", "x: float32[batch,2,4,4,6]", new[] { "AveragePool" })]
    public void Convert_WhenSavedByPyTorch_MatchesItsOutputsWithASymbolicBatch(string fixture, string input, string[] opTypes)
    {
        ModuleParity.AssertMatchesPyTorch(fixture, input, opTypes.Where(o => o.Length > 0).ToArray());
    }
}
