using ModelBuild.Core.Graph;
using ModelBuild.Core.Exporters.OpenVino.Ops;

namespace ModelBuild.Core.Exporters.OpenVino;

/// <summary>ONNX operator (default domain) → its OpenVINO converter; registering an op twice throws at startup.</summary>
internal static class OpenVinoOpTable
{
    public delegate void Converter(OpenVinoIrBuilder builder, Node node, HashSet<string> usedValues);

    public static IReadOnlyDictionary<string, Converter> Converters { get; } = RegisterAll();

    private static Dictionary<string, Converter> RegisterAll()
    {
        var table = new Dictionary<string, Converter>(StringComparer.Ordinal);
        void Add(string op, Converter c)
        {
            if (!table.TryAdd(op, c)) throw new InvalidOperationException($"OpenVINO converter for '{op}' registered twice");
        }
        Add("Conv", Conv.Convert);
        Add("Gemm", Gemm.Convert);
        Add("MatMul", MatMul.Convert);
        foreach (var op in new[] { "Relu", "Sigmoid", "Tanh", "Erf", "HardSwish" }) Add(op, Activation.Convert);
        Add("Clip", Clip.Convert);
        Add("Gelu", Gelu.Convert);
        foreach (var op in new[] { "Add", "Sub", "Mul", "Div" }) Add(op, Elementwise.Convert);
        Add("MaxPool", MaxPool.Convert);
        Add("AveragePool", AveragePool.Convert);
        Add("GlobalAveragePool", GlobalAveragePool.Convert);
        Add("Flatten", Flatten.Convert);
        Add("Reshape", Reshape.Convert);
        Add("Concat", Concat.Convert);
        Add("Softmax", Softmax.Convert);
        Add("Transpose", Transpose.Convert);
        Add("Slice", Slice.Convert);
        Add("ReduceMean", ReduceMean.Convert);
        Add("LayerNormalization", LayerNormalization.Convert);
        Add("Constant", Constant.Convert);
        Add("Identity", Constant.Convert);
        return table;
    }
}
