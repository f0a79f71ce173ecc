using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Exporters.OpenVino;

/// <summary>One <c>&lt;layer&gt;</c>: its <c>&lt;data&gt;</c> attributes in written order, ports, and for a Const the bytes it stores.</summary>
internal sealed class OpenVinoLayer
{
    public OpenVinoLayer(int id, string name, string type, string version)
    {
        Id = id;
        Name = name;
        Type = type;
        Version = version;
    }

    public int Id { get; }
    public string Name { get; }
    public string Type { get; }
    public string Version { get; }
    public List<KeyValuePair<string, string>> Data { get; } = [];
    public List<OpenVinoPort> Inputs { get; } = [];
    public List<OpenVinoPort> Outputs { get; } = [];

    /// <summary>Layer-level <c>rt_info</c> attribute names (e.g. <c>decompression</c>).</summary>
    public List<string> RuntimeInfo { get; } = [];

    /// <summary>For a Const: the tensor written to the .bin and whether it is narrowed to f16 on the way.</summary>
    public TensorData? Weights { get; init; }
    public bool CompressToFp16 { get; init; }
}
