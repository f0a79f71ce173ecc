namespace ModelBuild.Core.Exporters;

/// <summary>
/// A deployment target made from the verified ONNX artifact (the hub): ORT format, a TensorRT engine, and later
/// TFLite, OpenVINO IR, Core ML. An exporter only writes files into the staging folder it is given and says how
/// they can be checked; the pipeline stays the only orchestrator and does the verifying and the moving into place.
/// </summary>
public interface ITargetExporter
{
    /// <summary>The name used in <c>Targets</c> / <c>--targets</c>.</summary>
    string Target { get; }

    /// <summary>Extension of the main artifact when <c>-o</c> is a folder: <c>&lt;stem&gt;&lt;extension&gt;</c>.</summary>
    string DefaultExtension { get; }

    /// <summary>
    /// Writes the target's files into <see cref="TargetExportContext.StagingFolder"/>. Throws
    /// <see cref="Diagnostics.ModelBuildException"/> when the target cannot be produced; returns
    /// <see cref="TargetExport.Skipped"/> when a tool it needs is not installed here.
    /// </summary>
    TargetExport Export(TargetExportContext context);
}
