namespace ModelBuild.Core.Exporters.TfLite;

/// <summary>
/// The <c>tflite</c> target: a TFLite flatbuffer lowered to NHWC from the ONNX-semantics graph, with the ONNX
/// layout kept at the graph's inputs and outputs. TFLite needs fixed shapes, so symbolic dims take size 1 here.
/// </summary>
public sealed class TfLiteTargetExporter : ITargetExporter
{
    public string Target => "tflite";

    public string DefaultExtension => ".tflite";

    public TargetExport Export(TargetExportContext context)
    {
        var written = TfLiteWriter.Write(context.Model, context.ArtifactPath);
        return new TargetExport
        {
            Files = [written.Path],
            Check = TargetCheck.None,
            // The converter ships no TFLite interpreter; the writer's output is compared with ONNX Runtime by
            // ModelBuild's own test suite through LiteRT.js (Google's TFLite kernels), model by model and op by op.
            Note = $"{written.Operators.Count} operators; no TFLite runtime ships with the converter (the writer is verified with LiteRT.js in ModelBuild's tests)",
            Properties = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["schemaVersion"] = "3",
                ["layout"] = "NHWC inside, ONNX layout at inputs and outputs",
            },
        };
    }
}
