using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters;

/// <summary>What an <see cref="ITargetExporter"/> gets: the staged ONNX artifact and where to put its own files.</summary>
public sealed record TargetExportContext(Model Model, string OnnxPath, string StagingFolder, string ArtifactFileName)
{
    /// <summary>Where the main artifact goes: <see cref="StagingFolder"/>/<see cref="ArtifactFileName"/>.</summary>
    public string ArtifactPath => Path.Combine(StagingFolder, ArtifactFileName);

    /// <summary>The model file diagnostics name (the source), so MSBuild shows them at the model.</summary>
    public required string SourcePath { get; init; }

    /// <summary>Folder for toolchain caches (TensorRT's timing cache); created on first use.</summary>
    public required string CacheFolder { get; init; }

    public ToolEnvironment Tools { get; init; } = ToolEnvironment.Current;

    /// <summary>Optimization profile for symbolic dims, <c>name=min,opt,max;…</c>; null uses the defaults.</summary>
    public string? ShapeProfile { get; init; }

    /// <summary>An explicit LiteRT.js runner folder (<c>--tflite-runner</c>); null searches the usual places.</summary>
    public string? TfLiteRunnerPath { get; init; }

    /// <summary>An explicit trtexec path (<c>--trtexec</c>); null searches the usual places.</summary>
    public string? TrtexecPath { get; init; }
}
