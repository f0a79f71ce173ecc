namespace ModelBuild.Core.Pipeline;

/// <summary>What a source file is, decided from its first bytes (extensions only break ties).</summary>
public enum SourceFormat
{
    Unknown,
    Onnx,
    Safetensors,
    Npz,
    /// <summary>A zip archive written by <c>torch.save</c> or <c>torch.jit.save</c>.</summary>
    PyTorchZip,
    /// <summary>The pre-1.6 <c>torch.save</c> format: a bare pickle stream.</summary>
    PyTorchLegacy,
    /// <summary>A PyTorch lite-interpreter FlatBuffer (file identifier <c>PTMF</c>); refused as not supported yet.</summary>
    PyTorchMobile,
}
