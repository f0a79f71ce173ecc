using System.Collections.Generic;

namespace ModelBuild.Tasks;

/// <summary>
/// A ModelAsset item after defaults, validation and output prediction: everything the targets need to decide
/// staleness and everything the converter's command line is built from.
/// </summary>
internal sealed class ResolvedModelAsset
{
    public string SourceFullPath { get; set; } = "";
    public string AccessorName { get; set; } = "";
    public IReadOnlyList<string> Targets { get; set; } = new string[0];
    public IReadOnlyList<string> Inputs { get; set; } = new string[0];

    /// <summary>Targets that may be skipped even in locked mode (their toolchain may be missing), from OptionalTargets or Optional="true".</summary>
    public IReadOnlyList<string> OptionalTargets { get; set; } = new string[0];
    public IReadOnlyList<TensorSignature> InputSignatures { get; set; } = new TensorSignature[0];

    /// <summary>Full path, or "none" when the gate runs without reference data, or "" when there is none to find.</summary>
    public string Reference { get; set; } = "";
    public string Atol { get; set; } = "";
    public string Rtol { get; set; } = "";
    public string Opset { get; set; } = "";

    /// <summary>A NuGet version range of converters whose byte-identical artifacts the lock accepts; not part of the options stamp.</summary>
    public string ConverterVersions { get; set; } = "";
    public string Precision { get; set; } = "";
    public string ArchitectureFullPath { get; set; } = "";
    public bool Embed { get; set; }
    public string CopyToOutputDirectory { get; set; } = "Never";

    public string OutputDirectory { get; set; } = "";

    /// <summary>Predicted artifact per target, in the order of <see cref="Targets"/>.</summary>
    public IReadOnlyList<string> Artifacts { get; set; } = new string[0];
    public string SignatureFile { get; set; } = "";
    public string StampFile { get; set; } = "";

    /// <summary>
    /// Every option that changes the converter's output, one per line. Written to <see cref="StampFile"/> only
    /// when it differs, so the stamp's timestamp moves exactly when an option does: an edit elsewhere in the
    /// project file re-converts nothing, an edit of this item's options re-converts it.
    /// </summary>
    public string StampContent { get; set; } = "";
}
