using ModelBuild.Core.Exporters.CoreMl.Ops;
using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.CoreMl;

/// <summary>ONNX operator (default domain) → its MIL converter; registering an op twice throws at startup.</summary>
internal static class CoreMlOpTable
{
    public static IReadOnlyDictionary<string, Action<CoreMlProgramBuilder, Node>> Converters { get; } = RegisterAll();

    private static Dictionary<string, Action<CoreMlProgramBuilder, Node>> RegisterAll()
    {
        var table = new Dictionary<string, Action<CoreMlProgramBuilder, Node>>(StringComparer.Ordinal);
        void Add(Action<CoreMlProgramBuilder, Node> c, params string[] ops)
        {
            foreach (var op in ops)
                if (!table.TryAdd(op, c)) throw new InvalidOperationException($"Core ML converter for '{op}' registered twice");
        }
        Add(Conv.Convert, "Conv");
        Add(Gemm.Convert, "Gemm");
        Add(MatMul.Convert, "MatMul");
        Add(Activation.Convert, "Relu", "Sigmoid", "Tanh", "Erf", "HardSwish", "Clip", "Gelu");
        Add(Elementwise.Convert, "Add", "Sub", "Mul", "Div");
        Add(Pool.Convert, "MaxPool", "AveragePool", "GlobalAveragePool");
        Add(Shape.Convert, "Flatten", "Reshape", "Concat", "Transpose", "Identity", "Constant");
        Add(Slice.Convert, "Slice");
        Add(Normalization.Convert, "Softmax", "ReduceMean", "LayerNormalization");
        return table;
    }
}
