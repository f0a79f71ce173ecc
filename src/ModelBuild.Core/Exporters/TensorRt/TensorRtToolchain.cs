namespace ModelBuild.Core.Exporters.TensorRt;

/// <summary>A usable TensorRT toolchain: trtexec, its version and the GPU it builds for.</summary>
public sealed record TensorRtToolchain(string Trtexec, string FoundBy, TensorRtVersion Version, GpuInfo Gpu)
{
    /// <summary>
    /// Detects trtexec (<see cref="TrtexecLocator"/>), its version (<c>trtexec --help</c> prints the banner) and a
    /// GPU (<c>nvidia-smi</c>). Returns null with what is missing when any of them is absent: the target is then
    /// skipped, not failed, since a machine without TensorRT cannot do better.
    /// </summary>
    public static (TensorRtToolchain? Toolchain, string? Missing) Detect(ToolEnvironment tools, string? explicitTrtexec)
    {
        var (trtexec, foundBy) = TrtexecLocator.Locate(tools, explicitTrtexec);
        if (trtexec is null) return (null, $"trtexec not found; searched {foundBy}");
        var help = ExternalTool.Run(trtexec, ["--help"], tools.Timeout);
        if (!help.Started) return (null, $"trtexec at '{trtexec}' could not be run: {help.StartError}");
        // trtexec --help exits non-zero on some versions; the banner is what counts.
        var version = TensorRtVersion.Parse(help.Output);
        if (version is null) return (null, $"trtexec at '{trtexec}' did not report a TensorRT version (expected '[TensorRT vNNNNNN]' in 'trtexec --help'): {help.Tail(2)}");

        var smi = tools.FindOnPath(TensorRtLayout.NvidiaSmi);
        if (smi is null) return (null, $"no NVIDIA GPU: nvidia-smi not found on PATH (trtexec {version} found at '{trtexec}')");
        var query = ExternalTool.Run(smi, GpuInfo.QueryArguments, tools.Timeout);
        if (!query.Succeeded) return (null, $"no NVIDIA GPU: 'nvidia-smi {string.Join(' ', GpuInfo.QueryArguments)}' failed: {query.StartError ?? query.Tail(2)}");
        var gpu = GpuInfo.ParseFirst(query.Stdout);
        if (gpu is null) return (null, $"no NVIDIA GPU: nvidia-smi listed none ({query.Tail(2)})");
        return (new TensorRtToolchain(trtexec, foundBy, version, gpu), null);
    }
}
