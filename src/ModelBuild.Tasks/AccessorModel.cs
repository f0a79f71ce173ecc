using System.Collections.Generic;

namespace ModelBuild.Tasks;

/// <summary>What the generated accessor of one asset says, gathered from item metadata and the signature file.</summary>
internal sealed class AccessorModel
{
    public string AccessorName { get; set; } = "";
    public string SourceDisplayPath { get; set; } = "";
    public string Format { get; set; } = TargetFormats.Onnx;
    public string ResourceName { get; set; } = "";
    public string RelativePath { get; set; } = "";
    public bool Embed { get; set; }
    public bool Copied { get; set; }
    public IReadOnlyList<TensorSignature> Inputs { get; set; } = new TensorSignature[0];
    public IReadOnlyList<TensorSignature> Outputs { get; set; } = new TensorSignature[0];
}
