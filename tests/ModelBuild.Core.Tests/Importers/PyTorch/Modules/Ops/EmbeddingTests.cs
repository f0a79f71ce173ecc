namespace ModelBuild.Core.Tests.Importers.PyTorch.Modules.Ops;

/// <summary>Embedding (int64 indices): minimal torch.save(model) fixtures → ONNX → ONNX Runtime, against PyTorch's outputs at batch 2 and 3.</summary>
public sealed class EmbeddingTests
{
    [Theory]
    [InlineData("ops/embedding", "x: int64[batch,5]", new[] { "Gather" })]
    public void Convert_WhenSavedByPyTorch_MatchesItsOutputsWithASymbolicBatch(string fixture, string input, string[] opTypes)
    {
        ModuleParity.AssertMatchesPyTorch(fixture, input, opTypes.Where(o => o.Length > 0).ToArray());
    }
}
