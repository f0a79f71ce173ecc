using System.Globalization;

namespace ModelBuild.Core.Exporters.TensorRt;

/// <summary>
/// The GPU an engine is built for, from <c>nvidia-smi --query-gpu=name,compute_cap --format=csv,noheader</c>
/// (<c>NVIDIA H100 80GB HBM3, 9.0</c>). Engines run only on the compute capability they were built on.
/// </summary>
public sealed record GpuInfo(string Name, string ComputeCapability)
{
    public static IReadOnlyList<string> QueryArguments { get; } = ["--query-gpu=name,compute_cap", "--format=csv,noheader"];

    /// <summary><c>sm_90</c>-style name of <see cref="ComputeCapability"/>, as engine names and CUDA use it.</summary>
    public string SmName => "sm_" + ComputeCapability.Replace(".", "", StringComparison.Ordinal);

    /// <summary>The first GPU of the query's output (trtexec builds on device 0 by default), or null when none is listed.</summary>
    public static GpuInfo? ParseFirst(string output)
    {
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.Trim();
            int comma = line.LastIndexOf(',');
            if (comma <= 0) continue;
            var name = line[..comma].Trim();
            var capability = line[(comma + 1)..].Trim();
            if (name.Length > 0 && decimal.TryParse(capability, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
                return new GpuInfo(name, capability);
        }
        return null;
    }
}
