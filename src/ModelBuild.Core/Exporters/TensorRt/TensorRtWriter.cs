namespace ModelBuild.Core.Exporters.TensorRt;

/// <summary>
/// Writes a TensorRT engine by delegating to trtexec: TensorRT's plan format is opaque and tied to the TensorRT
/// version and GPU, so there is no writer of ours, only the command line (<see cref="TrtexecCommandLine"/>) and
/// the record of what the engine is bound to (<see cref="TensorRtSidecar"/>).
/// </summary>
public static class TensorRtWriter
{
    /// <summary>
    /// Builds <see cref="TargetExportContext.ArtifactPath"/> from the staged ONNX with <paramref name="toolchain"/>
    /// and writes the sidecar beside it.
    /// </summary>
    public static TargetExport Write(TargetExportContext context, TensorRtToolchain toolchain, bool fp16 = false)
    {
        var shapes = TensorRtShapes.For(context.Model, TensorRtProfile.Parse(context.ShapeProfile), context.SourcePath);
        Directory.CreateDirectory(context.CacheFolder);
        var timingCache = Path.Combine(context.CacheFolder, TensorRtLayout.TimingCacheFileName);
        var arguments = TrtexecCommandLine.Build(toolchain.Version, context.OnnxPath, context.ArtifactPath, timingCache, shapes, fp16, context.SourcePath);

        var run = ExternalTool.Run(toolchain.Trtexec, arguments, context.Tools.Timeout);
        if (run.TimedOut) throw TensorRtThrowHelper.TimedOut(context.SourcePath, toolchain.Trtexec, context.Tools.Timeout);
        if (!run.Succeeded) throw TensorRtThrowHelper.BuildFailed(context.SourcePath, toolchain.Trtexec, run.ExitCode, run.StartError ?? run.Tail(TensorRtLayout.FailureTailLines));
        if (!File.Exists(context.ArtifactPath) || new FileInfo(context.ArtifactPath).Length == 0)
            throw TensorRtThrowHelper.NoEngine(context.SourcePath, toolchain.Trtexec, context.ArtifactPath);

        // The sidecar records file names, not this run's staging paths, so it is the same on every machine.
        var recorded = TrtexecCommandLine.Build(toolchain.Version, Path.GetFileName(context.OnnxPath), context.ArtifactFileName,
            TensorRtLayout.TimingCacheFileName, shapes, fp16, context.SourcePath);
        var sidecar = context.ArtifactPath + TensorRtLayout.SidecarSuffix;
        TensorRtSidecar.Write(sidecar, context.ArtifactFileName, toolchain, recorded, shapes, fp16);
        return new TargetExport
        {
            Files = [context.ArtifactPath, sidecar],
            Check = TargetCheck.None,
            Note = $"engine built by TensorRT {toolchain.Version} for {toolchain.Gpu.Name} ({toolchain.Gpu.SmName}); its outputs are not compared with the ONNX artifact in this version",
            Properties = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["computeCapability"] = toolchain.Gpu.ComputeCapability,
                ["gpu"] = toolchain.Gpu.Name,
                ["tensorrtVersion"] = toolchain.Version.ToString(),
                ["trtexec"] = toolchain.Trtexec,
            },
        };
    }
}
