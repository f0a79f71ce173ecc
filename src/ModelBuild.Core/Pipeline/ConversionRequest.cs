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

    /// <summary>Total initializer bytes above which weights go to an external data file (always above 2 GB).</summary>
    public long? ExternalDataThreshold { get; init; }
}
