namespace ModelBuild.Core.Pipeline;

/// <summary>Everything one conversion needs; the CLI and the MSBuild task both only fill this in.</summary>
public sealed class ConversionRequest
{
    public required string SourcePath { get; init; }

    /// <summary>The artifact file when one target is asked for, otherwise the folder the artifacts go to.</summary>
    public required string OutputPath { get; init; }

    public IReadOnlyList<string> Targets { get; init; } = [Target.Onnx];
    public IReadOnlyList<InputSignature> Inputs { get; init; } = [];

    /// <summary>Requested ONNX opset; null keeps the source's (or the default for converted sources).</summary>
    public int? Opset { get; init; }

    /// <summary><c>fp32</c> or <c>fp16</c>, as written on the command line.</summary>
    public string Precision { get; init; } = "fp32";

    /// <summary>The graph a weights-only source is bound into.</summary>
    public string? ArchitecturePath { get; init; }

    /// <summary>Rules renaming weight-file tensors to architecture initializers (see WeightNameMap).</summary>
    public string? NameMap { get; init; }

    /// <summary>Reference data file; null looks for <c>&lt;source&gt;.ref.npz</c>/<c>.ref.safetensors</c>; "none" disables the lookup.</summary>
    public string? ReferencePath { get; init; }

    public string? Atol { get; init; }
    public string? Rtol { get; init; }

    /// <summary>Where the JSON report goes; the Markdown report is written beside it with a .md extension.</summary>
    public string? ReportPath { get; init; }

    public bool Verify { get; init; } = true;
    public Optimization Optimization { get; init; } = Optimization.None;

    /// <summary>
    /// Locked mode (CI): a target whose tool is missing (trtexec, a GPU) is an error instead of a skipped-target
    /// warning, unless it is in <see cref="OptionalTargets"/>.
    /// </summary>
    public bool Locked { get; init; }

    /// <summary>Targets that may be skipped in locked mode when their tool is missing (MSBuild <c>Optional="true"</c>).</summary>
    public IReadOnlyList<string> OptionalTargets { get; init; } = [];

    /// <summary>Toolchain cache folder (TensorRT timing cache); null resolves through <see cref="CacheFolder"/>.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>TensorRT optimization profile for symbolic dims, <c>dim=min,opt,max;…</c>; unnamed dims get 1,1,1.</summary>
    public string? TensorRtProfile { get; init; }

    /// <summary>trtexec to use instead of searching for one.</summary>
    public string? TrtexecPath { get; init; }

    /// <summary>LiteRT.js runner folder (run.mjs + node_modules) to check the tflite target with; null searches
    /// <c>MODELBUILD_TFLITE_RUNNER</c>, then <c>tflite-runner/</c> beside the converter.</summary>
    public string? TfLiteRunnerPath { get; init; }

    /// <summary>Where external tools are searched; tests replace it.</summary>
    public Exporters.ToolEnvironment Tools { get; init; } = Exporters.ToolEnvironment.Current;

    /// <summary>Total initializer bytes above which weights go to an external data file (always above 2 GB).</summary>
    public long? ExternalDataThreshold { get; init; }
}
