using System.Collections.Generic;

namespace ModelBuild.Tasks.Locking;

/// <summary>
/// One target's outcome as the lock records it: its own verification status (<c>verified (runtime, max abs
/// diff)</c>, <c>structurally checked</c>, <c>not checked (why)</c>) and the facts the converter reported for it
/// (the ORT format version, TensorRT's version and GPU). Informational: artifacts are compared by their own hashes.
/// </summary>
internal sealed class LockedTarget
{
    public string Status { get; set; } = "";

    public SortedDictionary<string, string> Properties { get; } = new(System.StringComparer.Ordinal);
}
