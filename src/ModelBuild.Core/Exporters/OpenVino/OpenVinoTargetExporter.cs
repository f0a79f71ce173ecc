using ModelBuild.Core.Exporters.Onnx;

namespace ModelBuild.Core.Exporters.OpenVino;

/// <summary>
/// The <c>openvino</c> target: IR v11 (<c>.xml</c> + <c>.bin</c>). No OpenVINO runtime installs on this kind of
/// machine, so the IR is validated against the rules OpenVINO's reader enforces and then translated back to ONNX,
/// which ONNX Runtime runs beside the ONNX artifact: a wiring or weight mistake shows up as a numeric difference.
/// </summary>
public sealed class OpenVinoTargetExporter : ITargetExporter
{
    public string Target => "openvino";

    public string DefaultExtension => ".xml";

    public TargetExport Export(TargetExportContext context)
    {
        var written = OpenVinoWriter.Write(context.Model, context.ArtifactPath, new OpenVinoWriterOptions { CompressWeightsToFp16 = context.Fp16Weights });
        OpenVinoValidator.Validate(written.XmlPath);

        // The stand-in lives in its own subfolder of the staging area: it is never shipped, only run.
        var backTranslated = Path.Combine(context.StagingFolder, "back-translation", Path.GetFileNameWithoutExtension(context.ArtifactFileName) + ".onnx");
        Directory.CreateDirectory(Path.GetDirectoryName(backTranslated)!);
        OnnxWriter.Write(OpenVinoBackTranslator.ToOnnx(written.XmlPath), backTranslated);

        return new TargetExport
        {
            Files = [written.XmlPath, written.BinPath],
            Check = TargetCheck.OnnxRuntime,
            ReducedPrecision = context.Fp16Weights,
            RunnableStandIn = backTranslated,
            RunnableVia = "back-translation of the IR to ONNX",
            Note = $"IR v11, {written.LayerCount} layers, validated",
            Properties = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["irVersion"] = "11",
                ["weightPrecision"] = context.Fp16Weights ? "fp16" : "fp32",
            },
        };
    }
}
