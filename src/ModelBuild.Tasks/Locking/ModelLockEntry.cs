using System.Collections.Generic;

namespace ModelBuild.Tasks.Locking;

/// <summary>
/// What <c>models.lock.json</c> records for one ModelAsset (DESIGN, <em>Lock file</em>): the source's hash, the
/// options that shape the conversion, the converter and ONNX Runtime versions, every artifact's hash and
/// size, and the last verification summary. A plain model: reading, writing and comparing live elsewhere.
/// </summary>
internal sealed class ModelLockEntry
{
    /// <summary>The model's path relative to the project, with '/' separators: the entry's key.</summary>
    public string Source { get; set; } = "";

    public string SourceSha256 { get; set; } = "";

    /// <summary>Options by name (targets, inputs, reference and its hash, tolerances, opset, precision, architecture and its hash).</summary>
    public SortedDictionary<string, string> Options { get; } = new(System.StringComparer.Ordinal);

    public string Converter { get; set; } = "";

    public string OnnxRuntime { get; set; } = "";

    /// <summary>
    /// The item's <c>ConverterVersions</c> range (NuGet syntax, <c>[1.4,1.5)</c>): another converter version
    /// inside it is not drift. Read from the project, never written to or read from the lock: widening the
    /// range is a decision of the project, not a change of the artifacts.
    /// </summary>
    public string ConverterVersions { get; set; } = "";

    /// <summary>By file name.</summary>
    public SortedDictionary<string, LockedArtifact> Artifacts { get; } = new(System.StringComparer.Ordinal);

    /// <summary>By target name: each target's own verification status and reported facts.</summary>
    public SortedDictionary<string, LockedTarget> Targets { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Informational: the gate's status and summary line when the entry was written; never compared.</summary>
    public string VerificationStatus { get; set; } = "";

    public string VerificationSummary { get; set; } = "";
}
