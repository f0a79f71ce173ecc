using System.Collections.Generic;

namespace ModelBuild.Tasks.Locking;

/// <summary>
/// One target's outcome as the lock records it: its own verification status (<c>verified (runtime, max abs
/// diff)</c>, <c>structurally checked</c>, <c>not checked (why)</c>) and the facts the converter reported for it
/// (the ORT format version, TensorRT's version and GPU, whether its bytes are reproducible). Informational, except
/// <see cref="BytesReproducible"/>, which decides how its artifacts are compared.
/// </summary>
internal sealed class LockedTarget
{
    public const string ReproducibleProperty = "byteReproducible";

    public string Status { get; set; } = "";

    public SortedDictionary<string, string> Properties { get; } = new(System.StringComparer.Ordinal);

    /// <summary>False for an artifact whose producer lays it out differently run to run (ONNX Runtime's .ort).</summary>
    public bool BytesReproducible => !(Properties.TryGetValue(ReproducibleProperty, out var value) && value == "false");
}
