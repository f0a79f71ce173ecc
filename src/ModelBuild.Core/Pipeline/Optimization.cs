namespace ModelBuild.Core.Pipeline;

/// <summary>Offline optimization applied to the written ONNX artifact.</summary>
public enum Optimization
{
    /// <summary>The graph exactly as converted.</summary>
    None,
    /// <summary>ONNX Runtime's basic, provider-independent rewrites (constant folding, redundant node removal).</summary>
    Basic,
}
