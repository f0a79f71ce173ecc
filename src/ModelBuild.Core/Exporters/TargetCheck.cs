namespace ModelBuild.Core.Exporters;

/// <summary>How far an exported target can be checked here; the pipeline acts on it.</summary>
public enum TargetCheck
{
    /// <summary>ONNX Runtime loads the artifact: the pipeline runs it beside the ONNX artifact and compares outputs.</summary>
    OnnxRuntime,

    /// <summary>
    /// A runtime for the target's own format runs it (<see cref="TargetExport.Runner"/>, e.g. LiteRT.js for
    /// TFLite): the pipeline runs ONNX Runtime on the ONNX artifact and the runner on the same inputs and compares.
    /// </summary>
    OwnRuntime,

    /// <summary>The exporter checked the file's structure; no runtime here can execute it.</summary>
    Structural,

    /// <summary>Nothing here can check it; <see cref="TargetExport.Note"/> says why.</summary>
    None,
}
