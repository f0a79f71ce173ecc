using Google.Protobuf;
using ModelBuild.Core.Onnx.Proto;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Tests.Verification;

/// <summary>
/// Tiny ONNX models written with the schema's generated classes, so the verifier is tested against ONNX
/// Runtime without fixture files. Expected values are computed by hand in the tests.
/// </summary>
internal static class TestOnnxModels
{
    /// <summary>W of <see cref="WriteLinear"/>, row-major [3,2].</summary>
    public static readonly float[] W = [0.5f, -1f, 0.25f, 0.75f, -0.5f, 2f];

    public static readonly float[] B = [0.1f, -0.2f];

    /// <summary>
    /// x: float32[batch,3] → logits = x·W + B (float32[batch,2]), relu = Relu(logits), argmax = ArgMax(logits, axis 1) (int64[batch]).
    /// </summary>
    public static string WriteLinear(string path)
    {
        var graph = new GraphProto { Name = "linear" };
        graph.Input.Add(Value("x", DataType.Float32, "batch", 3));
        graph.Output.Add(Value("logits", DataType.Float32, "batch", 2));
        graph.Output.Add(Value("relu", DataType.Float32, "batch", 2));
        graph.Output.Add(Value("argmax", DataType.Int64, "batch"));
        graph.Initializer.Add(Initializer("W", W, 3, 2));
        graph.Initializer.Add(Initializer("B", B, 2));
        graph.Node.Add(Node("MatMul", ["x", "W"], ["xw"]));
        graph.Node.Add(Node("Add", ["xw", "B"], ["logits"]));
        graph.Node.Add(Node("Relu", ["logits"], ["relu"]));
        var argmax = Node("ArgMax", ["logits"], ["argmax"]);
        argmax.Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
        argmax.Attribute.Add(new AttributeProto { Name = "keepdims", Type = AttributeProto.Types.AttributeType.Int, I = 0 });
        graph.Node.Add(argmax);
        return Write(path, graph);
    }

    /// <summary>logits, relu and argmax of <see cref="WriteLinear"/> computed in float32 as the model does.</summary>
    public static (float[] Logits, float[] Relu, long[] Argmax) Linear(float[] x)
    {
        int batch = x.Length / 3;
        var logits = new float[batch * 2];
        var argmax = new long[batch];
        for (int n = 0; n < batch; n++)
        {
            for (int j = 0; j < 2; j++)
            {
                float sum = 0;
                for (int k = 0; k < 3; k++) sum += x[n * 3 + k] * W[k * 2 + j];
                logits[n * 2 + j] = sum + B[j];
            }
            argmax[n] = logits[n * 2 + 1] > logits[n * 2] ? 1 : 0;
        }
        return (logits, logits.Select(v => Math.Max(v, 0f)).ToArray(), argmax);
    }

    /// <summary>x: type[n] → y = Identity(x); feeds every dtype through ORT unchanged.</summary>
    public static string WriteIdentity(string path, DataType type)
    {
        var graph = new GraphProto { Name = "identity" };
        graph.Input.Add(Value("x", type, "n"));
        graph.Output.Add(Value("y", type, "n"));
        graph.Node.Add(Node("Identity", ["x"], ["y"]));
        return Write(path, graph);
    }

    /// <summary>x: float32[batch,4] → y = Sqrt(x): NaN for the negative half of seeded inputs.</summary>
    public static string WriteSqrt(string path)
    {
        var graph = new GraphProto { Name = "sqrt" };
        graph.Input.Add(Value("x", DataType.Float32, "batch", 4));
        graph.Output.Add(Value("y", DataType.Float32, "batch", 4));
        graph.Node.Add(Node("Sqrt", ["x"], ["y"]));
        return Write(path, graph);
    }

    /// <summary>x: float32[batch,?] (second dim has neither value nor name) and ids: int64[batch] → y = x, z = ids.</summary>
    public static string WriteTwoInputs(string path)
    {
        var graph = new GraphProto { Name = "two" };
        var x = Value("x", DataType.Float32, "batch", -1);
        graph.Input.Add(x);
        graph.Input.Add(Value("ids", DataType.Int64, "batch"));
        graph.Output.Add(Value("y", DataType.Float32, "batch", -1));
        graph.Output.Add(Value("z", DataType.Int64, "batch"));
        graph.Node.Add(Node("Identity", ["x"], ["y"]));
        graph.Node.Add(Node("Identity", ["ids"], ["z"]));
        return Write(path, graph);
    }

    private static string Write(string path, GraphProto graph)
    {
        var model = new ModelProto { IrVersion = 8, ProducerName = "modelbuild-tests", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 17 });
        using var file = File.Create(path);
        model.WriteTo(file);
        return path;
    }

    /// <summary>A value with dims: a number, a name (symbolic), or -1 for a dim with neither.</summary>
    private static ValueInfoProto Value(string name, DataType type, params object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var d in dims)
        {
            var dim = new TensorShapeProto.Types.Dimension();
            if (d is string symbol) dim.DimParam = symbol;
            else if (d is int size && size >= 0) dim.DimValue = size;
            shape.Dim.Add(dim);
        }
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }

    private static NodeProto Node(string op, string[] inputs, string[] outputs)
    {
        var node = new NodeProto { OpType = op, Name = op + "_" + outputs[0] };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        return node;
    }

    private static TensorProto Initializer(string name, float[] values, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)DataType.Float32 };
        tensor.Dims.AddRange(dims);
        tensor.FloatData.AddRange(values);
        return tensor;
    }
}
