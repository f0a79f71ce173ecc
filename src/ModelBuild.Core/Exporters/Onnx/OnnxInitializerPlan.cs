using ModelBuild.Core.Onnx.Proto;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Exporters.Onnx;

/// <summary>
/// Where one top-level initializer goes: its TensorProto without data, and either inline raw_data or a range of
/// the external data file. Sizes are known before a byte is written, which is what lets the writer emit the
/// graph's length prefix and then stream the weights.
/// </summary>
internal sealed class OnnxInitializerPlan
{
    public OnnxInitializerPlan(TensorProto header, TensorData data)
    {
        Header = header;
        Data = data;
    }

    public TensorProto Header { get; }
    public TensorData Data { get; }
    public bool IsExternal { get; set; }

    /// <summary>Offset in the external data file; meaningful only when <see cref="IsExternal"/>.</summary>
    public long ExternalOffset { get; set; }
}
