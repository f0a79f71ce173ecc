namespace ModelBuild.Core.Exporters;

/// <summary>How far an exported target can be checked here; the pipeline acts on it.</summary>
public enum TargetCheck
{
    /// <summary>ONNX Runtime loads the artifact: the pipeline runs it beside the ONNX artifact and compares outputs.</summary>
    OnnxRuntime,

    /// <summary>The exporter checked the file's structure; no runtime here can execute it.</summary>
    Structural,

    /// <summary>Nothing here can check it; <see cref="TargetExport.Note"/> says why.</summary>
    None,
}
