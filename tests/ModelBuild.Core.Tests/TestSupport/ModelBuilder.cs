using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;
using GraphModel = ModelBuild.Core.Graph.Graph;

namespace ModelBuild.Core.Tests.TestSupport;

/// <summary>Small models built in code, with weights whose values the tests can recompute.</summary>
public static class ModelBuilder
{
    /// <summary>y = Relu(x · W + b), x: float32[batch, inputs]; W[i,j] = (i - j) / 8, b[j] = j / 4 - 1.</summary>
    public static Model Mlp(int inputs = 4, int outputs = 3)
    {
        var graph = new GraphModel { Name = "mlp" };
        graph.Inputs.Add(new ValueInfo("x", DataType.Float32, new TensorShape([Dim.Named("batch"), Dim.Fixed(inputs)])));
        graph.Outputs.Add(new ValueInfo("output", DataType.Float32, new TensorShape([Dim.Named("batch"), Dim.Fixed(outputs)])));
        graph.Initializers.Add(new Initializer("W", Floats(Weights(inputs, outputs), inputs, outputs)));
        graph.Initializers.Add(new Initializer("b", Floats(Bias(outputs), outputs)));
        graph.Nodes.Add(new Node("MatMul", ["x", "W"], ["xw"], "matmul"));
        graph.Nodes.Add(new Node("Add", ["xw", "b"], ["xwb"], "add"));
        graph.Nodes.Add(new Node("Relu", ["xwb"], ["output"], "relu"));
        var model = new Model(graph);
        model.OpsetImports[""] = 17;
        model.Metadata["source"] = "test";
        model.Metadata["author"] = "ModelBuild tests";
        return model;
    }

    public static float[] Weights(int inputs, int outputs)
    {
        var w = new float[inputs * outputs];
        for (int i = 0; i < inputs; i++)
        for (int j = 0; j < outputs; j++)
            w[i * outputs + j] = (i - j) / 8f;
        return w;
    }

    public static float[] Bias(int outputs) => Enumerable.Range(0, outputs).Select(j => j / 4f - 1f).ToArray();

    /// <summary>What <see cref="Mlp"/> computes, in float64 then rounded, for comparing with ONNX Runtime.</summary>
    public static float[] MlpExpected(float[] x, int batch, int inputs, int outputs)
    {
        var w = Weights(inputs, outputs);
        var b = Bias(outputs);
        var y = new float[batch * outputs];
        for (int n = 0; n < batch; n++)
        for (int j = 0; j < outputs; j++)
        {
            double sum = b[j];
            for (int i = 0; i < inputs; i++) sum += (double)x[n * inputs + i] * w[i * outputs + j];
            y[n * outputs + j] = (float)Math.Max(0, sum);
        }
        return y;
    }

    public static TensorData Floats(float[] values, params long[] shape) =>
        TensorData.FromBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray(), DataType.Float32, shape);

    public static ValueInfo FloatValue(string name, params long[] dims) => new(name, DataType.Float32, TensorShape.Of(dims));
}
