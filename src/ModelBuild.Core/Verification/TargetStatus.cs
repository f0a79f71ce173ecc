namespace ModelBuild.Core.Verification;

/// <summary>How far one target's artifact was checked. There is no plain "ok": every status says what it rests on.</summary>
public enum TargetStatus
{
    /// <summary>Run by a runtime and compared: with the reference data (onnx) or with the ONNX artifact (derived targets).</summary>
    Verified,

    /// <summary>The file's structure was checked; nothing here can run it.</summary>
    StructurallyChecked,

    /// <summary>Produced but not checked, or not produced because a tool is missing; the detail says why.</summary>
    NotChecked,

    /// <summary>Not produced or not equivalent; a diagnostic names the target.</summary>
    Failed,
}
