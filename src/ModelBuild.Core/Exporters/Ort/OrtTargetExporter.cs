namespace ModelBuild.Core.Exporters.Ort;

/// <summary>The <c>ort</c> target: ONNX Runtime's own ORT format, checked by running it beside the ONNX artifact.</summary>
public sealed class OrtTargetExporter : ITargetExporter
{
    public string Target => "ort";

    public string DefaultExtension => OrtLayout.Extension;

    public TargetExport Export(TargetExportContext context)
    {
        var info = OrtWriter.Write(context.OnnxPath, context.ArtifactPath);
        return new TargetExport
        {
            Files = [context.ArtifactPath],
            Check = TargetCheck.OnnxRuntime,
            Note = $"identifier {OrtLayout.Identifier}, format version {info.FormatVersion}",
            Properties = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["ortFormatVersion"] = info.FormatVersion,
                ["optimizationLevel"] = "basic",
            },
        };
    }
}
