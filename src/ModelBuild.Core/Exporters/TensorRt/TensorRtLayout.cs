namespace ModelBuild.Core.Exporters.TensorRt;

/// <summary>Names and defaults of the TensorRT target: no file layout of ours, since trtexec writes the engine.</summary>
public static class TensorRtLayout
{
    public const string Target = "tensorrt";
    public const string Trtexec = "trtexec";
    public const string NvidiaSmi = "nvidia-smi";
    public const string EngineExtension = ".engine";

    /// <summary>Beside the engine: <c>&lt;engine&gt;.json</c> with the TensorRT version and GPU it is bound to.</summary>
    public const string SidecarSuffix = ".json";

    public const string SidecarSchema = "modelbuild.tensorrt-engine/1";

    /// <summary>The kernel timing cache, in the cache folder: rebuilds on the same GPU skip the tactic timing.</summary>
    public const string TimingCacheFileName = "trt-timing.cache";

    /// <summary>Our own override, then the variables TensorRT tarball installs document; each names a root with bin/trtexec.</summary>
    public const string TrtexecPathVariable = "TRTEXEC_PATH";

    public static IReadOnlyList<string> RootVariables { get; } = ["TENSORRT_ROOT", "TRT_ROOT", "TensorRT_ROOT"];

    /// <summary>Debian/Ubuntu <c>libnvinfer-bin</c> and JetPack, NGC containers, tarballs unpacked under /usr/local.</summary>
    public static IReadOnlyList<string> WellKnownFolders { get; } =
        ["/usr/src/tensorrt/bin", "/opt/tensorrt/bin", "/usr/local/TensorRT*/bin", "/usr/local/tensorrt/bin"];

    /// <summary>Default optimization profile of a symbolic dim when <c>--trt-profile</c> does not name it.</summary>
    public const long DefaultMin = 1;
    public const long DefaultOpt = 1;
    public const long DefaultMax = 1;

    /// <summary>Lines of trtexec output quoted in a build failure.</summary>
    public const int FailureTailLines = 5;

    public const string InstallHint =
        "install TensorRT on a machine with an NVIDIA GPU (Debian/Ubuntu: 'apt install libnvinfer-bin' puts trtexec in /usr/src/tensorrt/bin; " +
        "tarball: set TENSORRT_ROOT to the unpacked folder), or pass --trtexec <path>";
}
