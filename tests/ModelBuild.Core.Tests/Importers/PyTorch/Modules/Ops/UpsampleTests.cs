namespace ModelBuild.Core.Tests.Importers.PyTorch.Modules.Ops;

/// <summary>Upsample (nearest by scale, bilinear by size, bilinear align_corners): minimal torch.save(model) fixtures → ONNX → ONNX Runtime, against PyTorch's outputs at batch 2 and 3.</summary>
public sealed class UpsampleTests
{
    [Theory]
    [InlineData("ops/upsample_nearest", "x: float32[batch,2,3,4]", new[] { "Resize" })]
    [InlineData("ops/upsample_bilinear", "x: float32[batch,2,3,4]", new[] { "Resize", "Shape", "Concat" })]
    [InlineData("ops/upsample_bilinear_align", "x: float32[batch,2,3,4]", new[] { "Resize" })]
    public void Convert_WhenSavedByPyTorch_MatchesItsOutputsWithASymbolicBatch(string fixture, string input, string[] opTypes)
    {
        ModuleParity.AssertMatchesPyTorch(fixture, input, opTypes.Where(o => o.Length > 0).ToArray());
    }
}
