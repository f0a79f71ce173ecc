namespace ModelBuild.Core.Exporters.TfLite;

/// <summary>
/// The <c>tflite</c> target: a TFLite flatbuffer lowered to NHWC from the ONNX-semantics graph, with the ONNX
/// layout kept at the graph's inputs and outputs. TFLite needs fixed shapes, so symbolic dims take size 1 here.
/// Checked numerically by LiteRT.js (<see cref="TfLiteRuntime"/>) when Node and the runner are found; otherwise
/// produced and reported not checked, with what is missing.
/// </summary>
public sealed class TfLiteTargetExporter : ITargetExporter
{
    public string Target => "tflite";

    public string DefaultExtension => ".tflite";

    public TargetExport Export(TargetExportContext context)
    {
        var written = TfLiteWriter.Write(context.Model, context.ArtifactPath);
        var properties = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["schemaVersion"] = "3",
            ["layout"] = "NHWC inside, ONNX layout at inputs and outputs",
        };
        var runtime = TfLiteRuntime.Locate(context.TfLiteRunnerPath, context.Tools);
        if (!runtime.Found)
        {
            return new TargetExport
            {
                Files = [written.Path],
                Check = TargetCheck.None,
                UncheckedReason = runtime.MissingReason,
                UncheckedHint = runtime.MissingHint,
                Note = runtime.MissingReason,
                Properties = properties,
            };
        }
        return new TargetExport
        {
            Files = [written.Path],
            Check = TargetCheck.OwnRuntime,
            Runner = new TfLiteArtifactRunner(runtime, written),
            Note = $"{written.Operators.Count} operators",
            Properties = properties,
        };
    }
}
