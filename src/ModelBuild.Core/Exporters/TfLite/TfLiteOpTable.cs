using ModelBuild.Core.Exporters.TfLite.Ops;

namespace ModelBuild.Core.Exporters.TfLite;

/// <summary>
/// The ONNX operators the TFLite writer lowers, keyed on (domain, op, since-version) as the house rules ask: a
/// node resolves to the entry with the highest since-version not above the model's opset. Registering a key twice
/// throws at startup. An operator without an entry fails the target with MBLD2201.
/// </summary>
internal static class TfLiteOpTable
{
    private static readonly Lazy<Dictionary<(string Domain, string Op), SortedList<int, TfLiteConverter>>> Table = new(Build);

    public static IReadOnlyCollection<string> Operators => Table.Value.Keys.Select(k => k.Op).Order(StringComparer.Ordinal).ToArray();

    public static bool TryResolve(string domain, string op, long opset, out TfLiteConverter converter)
    {
        converter = null!;
        if (domain == "ai.onnx") domain = "";
        if (!Table.Value.TryGetValue((domain, op), out var versions)) return false;
        for (int i = versions.Count - 1; i >= 0; i--)
        {
            if (versions.Keys[i] <= opset)
            {
                converter = versions.Values[i];
                return true;
            }
        }
        return false;
    }

    public static void RegisterAll(Action<string, string, int, TfLiteConverter> register)
    {
        register("", "Conv", 1, Conv.Lower);
        register("", "Gemm", 1, Gemm.Lower);
        register("", "BatchNormalization", 1, BatchNormalization.Lower);
        register("", "MatMul", 1, MatMul.Lower);
        register("", "Add", 1, (l, n) => Elementwise.Lower(l, n, TfLiteBuiltinOperator.ADD, TfLiteBuiltinOptions.AddOptions));
        register("", "Sub", 1, (l, n) => Elementwise.Lower(l, n, TfLiteBuiltinOperator.SUB, TfLiteBuiltinOptions.SubOptions));
        register("", "Mul", 1, (l, n) => Elementwise.Lower(l, n, TfLiteBuiltinOperator.MUL, TfLiteBuiltinOptions.MulOptions));
        register("", "Div", 1, (l, n) => Elementwise.Lower(l, n, TfLiteBuiltinOperator.DIV, TfLiteBuiltinOptions.DivOptions));
        register("", "Relu", 1, (l, n) => Activations.Unary(l, n, TfLiteBuiltinOperator.RELU, TfLiteOperatorOptions.None));
        register("", "Sigmoid", 1, (l, n) => Activations.Unary(l, n, TfLiteBuiltinOperator.LOGISTIC, TfLiteOperatorOptions.None));
        register("", "Tanh", 1, (l, n) => Activations.Unary(l, n, TfLiteBuiltinOperator.TANH, TfLiteOperatorOptions.None));
        register("", "HardSwish", 14, (l, n) => Activations.Unary(l, n, TfLiteBuiltinOperator.HARD_SWISH, TfLiteOperatorOptions.None));
        register("", "Sqrt", 1, (l, n) => Activations.Unary(l, n, TfLiteBuiltinOperator.SQRT, TfLiteOperatorOptions.None));
        register("", "Exp", 1, (l, n) => Activations.Unary(l, n, TfLiteBuiltinOperator.EXP, TfLiteOperatorOptions.None));
        register("", "HardSigmoid", 6, Activations.HardSigmoid);
        register("", "Clip", 1, Activations.Clip);
        register("", "Gelu", 20, Activations.Gelu);
        register(TfLiteFusions.Domain, "Gelu", 1, Activations.Gelu);
        register("", "MaxPool", 1, Pool.MaxPool);
        register("", "AveragePool", 1, Pool.AveragePool);
        register("", "GlobalAveragePool", 1, Pool.GlobalAveragePool);
        register("", "Flatten", 1, Reshape.Flatten);
        register("", "Reshape", 5, Reshape.LowerReshape);
        register("", "Squeeze", 1, Reshape.Squeeze);
        register("", "Unsqueeze", 1, Reshape.Unsqueeze);
        register("", "Concat", 1, Concat.Lower);
        register("", "Softmax", 1, Softmax.Lower);
        register("", "Transpose", 1, Transpose.Lower);
        register("", "Identity", 1, Transpose.Identity);
        register("", "Dropout", 1, Transpose.Identity);
        register("", "ReduceMean", 1, ReduceMean.Lower);
        register("", "LayerNormalization", 17, LayerNormalization.Lower);
        register("", "Constant", 1, ShapeOps.Constant);
        register("", "Shape", 1, ShapeOps.Shape);
        register("", "Gather", 1, Gather.Lower);
        register("", "Split", 1, Split.Lower);
        register("", "Pad", 2, Pad.Lower);
        register("", "Slice", 10, Slice.Lower);
    }

    private static Dictionary<(string, string), SortedList<int, TfLiteConverter>> Build()
    {
        var table = new Dictionary<(string, string), SortedList<int, TfLiteConverter>>();
        RegisterAll((domain, op, since, converter) =>
        {
            if (!table.TryGetValue((domain, op), out var versions)) table[(domain, op)] = versions = [];
            if (!versions.TryAdd(since, converter))
                throw new InvalidOperationException($"TFLite converter for ({domain}, {op}, {since}) is registered twice.");
        });
        return table;
    }
}
