namespace ModelBuild.Core.Exporters.TensorRt;

/// <summary>The <c>tensorrt</c> target: detect the toolchain, skip with what is missing, or build the engine.</summary>
public sealed class TensorRtTargetExporter : ITargetExporter
{
    public string Target => TensorRtLayout.Target;

    public string DefaultExtension => TensorRtLayout.EngineExtension;

    public TargetExport Export(TargetExportContext context)
    {
        var (toolchain, missing) = TensorRtToolchain.Detect(context.Tools, context.TrtexecPath);
        if (toolchain is null) return TargetExport.Skipped(missing!, TensorRtLayout.InstallHint);
        return TensorRtWriter.Write(context, toolchain);
    }
}
