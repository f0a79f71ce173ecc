using ModelBuild.Core.Exporters;
using ModelBuild.Core.Exporters.CoreMl;
using ModelBuild.Core.Exporters.OpenVino;
using ModelBuild.Core.Exporters.Ort;
using ModelBuild.Core.Exporters.TensorRt;
using ModelBuild.Core.Exporters.TfLite;

namespace ModelBuild.Core.Pipeline;

/// <summary>
/// The targets made from the ONNX artifact, by name. Adding a target is adding its exporter here; the pipeline
/// needs no other change. A name registered twice throws when the table is first used.
/// </summary>
public static class TargetExporters
{
    public static IReadOnlyDictionary<string, ITargetExporter> All { get; } =
        new ITargetExporter[] { new OrtTargetExporter(), new TfLiteTargetExporter(), new OpenVinoTargetExporter(), new CoreMlTargetExporter(), new TensorRtTargetExporter() }.ToDictionary(e => e.Target, StringComparer.Ordinal);
}
