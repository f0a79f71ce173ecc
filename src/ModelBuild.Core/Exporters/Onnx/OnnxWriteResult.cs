namespace ModelBuild.Core.Exporters.Onnx;

/// <summary>What <see cref="OnnxWriter.Write"/> produced: the model file and, when weights went external, the data file.</summary>
public sealed record OnnxWriteResult(OnnxWrittenFile Model, OnnxWrittenFile? ExternalData)
{
    public bool UsesExternalData => ExternalData is not null;

    /// <summary>The model first, then the data file if any.</summary>
    public IReadOnlyList<OnnxWrittenFile> Files => ExternalData is null ? [Model] : [Model, ExternalData];
}
