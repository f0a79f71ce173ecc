using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;
using ModelBuild.Core.Tests.TestSupport;
using ModelBuild.Core.Verification;
using GraphModel = ModelBuild.Core.Graph.Graph;

namespace ModelBuild.Core.Tests.Exporters;

/// <summary>The PyTorch fixtures and hand-built graphs shared by the deployment-target exporter tests.</summary>
public static class ExporterTestModels
{
    /// <summary>(name, onnx file, reference file) of the fixtures PyTorch made.</summary>
    public static TheoryData<string> Fixtures() => new() { "mlp", "cnn", "finetune" };

    public static string OnnxPath(string fixture) => fixture switch
    {
        "mlp" => Fixture("mlp", "mlp.onnx"),
        "cnn" => Fixture("cnn", "cnn.onnx"),
        "finetune" => Fixture("finetune", "template.onnx"),
        _ => throw new ArgumentException(fixture),
    };

    /// <summary>The reference inputs PyTorch recorded (the fine-tune template is fed the fine-tuned reference's inputs).</summary>
    public static IReadOnlyList<ReferenceSet> ReferenceInputs(string fixture) => ReferenceFile.Load(fixture switch
    {
        "mlp" => Fixture("mlp", "mlp.ref.npz"),
        "cnn" => Fixture("cnn", "cnn.ref.npz"),
        "finetune" => Fixture("finetune", "finetuned.ref.npz"),
        _ => throw new ArgumentException(fixture),
    }).Sets.Select(s => s with { Outputs = [] }).ToList();

    private static string Fixture(string folder, string file) => Path.Combine(AppContext.BaseDirectory, "fixtures", folder, file);

    /// <summary>
    /// A CNN block over the ops the fixtures lack: grouped Conv with bias, Clip, HardSwish, AveragePool,
    /// Sub/Div/Mul by constants, Sigmoid, GlobalAveragePool, Flatten. x: float32[1,4,8,8] → y: [1,4].
    /// </summary>
    public static Model ConvBlock()
    {
        var g = new GraphModel { Name = "conv_block" };
        g.Inputs.Add(ModelBuilder.FloatValue("x", 1, 4, 8, 8));
        g.Outputs.Add(ModelBuilder.FloatValue("y", 1, 4));
        g.Initializers.Add(new Initializer("w", ModelBuilder.Floats(Values(4 * 2 * 3 * 3, 0.3f), 4, 2, 3, 3)));
        g.Initializers.Add(new Initializer("b", ModelBuilder.Floats([0.1f, -0.2f, 0.3f, -0.4f], 4)));
        g.Initializers.Add(new Initializer("lo", ModelBuilder.Floats([-0.5f])));
        g.Initializers.Add(new Initializer("hi", ModelBuilder.Floats([0.75f])));
        g.Initializers.Add(new Initializer("mean", ModelBuilder.Floats([0.1f, 0.2f, 0.3f, 0.4f], 1, 4, 1, 1)));
        g.Initializers.Add(new Initializer("two", ModelBuilder.Floats([2f])));
        g.Initializers.Add(new Initializer("scale", ModelBuilder.Floats([1.5f, 0.5f, -1f, 2f], 4, 1, 1)));
        var conv = new Node("Conv", ["x", "w", "b"], ["c"], "conv");
        conv.Attributes.Add(NodeAttribute.Of("group", 2L));
        conv.Attributes.Add(NodeAttribute.Of("pads", new long[] { 1, 1, 1, 1 }));
        conv.Attributes.Add(NodeAttribute.Of("kernel_shape", new long[] { 3, 3 }));
        g.Nodes.Add(conv);
        g.Nodes.Add(new Node("Clip", ["c", "lo", "hi"], ["clipped"], "clip"));
        g.Nodes.Add(new Node("HardSwish", ["clipped"], ["hs"], "hswish"));
        var pool = new Node("AveragePool", ["hs"], ["pooled"], "avgpool");
        pool.Attributes.Add(NodeAttribute.Of("kernel_shape", new long[] { 3, 3 }));
        pool.Attributes.Add(NodeAttribute.Of("strides", new long[] { 2, 2 }));
        pool.Attributes.Add(NodeAttribute.Of("pads", new long[] { 1, 1, 1, 1 }));
        g.Nodes.Add(pool);
        g.Nodes.Add(new Node("Sub", ["pooled", "mean"], ["centred"], "sub"));
        g.Nodes.Add(new Node("Div", ["centred", "two"], ["halved"], "div"));
        g.Nodes.Add(new Node("Mul", ["halved", "scale"], ["scaled"], "mul"));
        g.Nodes.Add(new Node("Sigmoid", ["scaled"], ["s"], "sigmoid"));
        g.Nodes.Add(new Node("GlobalAveragePool", ["s"], ["gap"], "gap"));
        g.Nodes.Add(new Node("Flatten", ["gap"], ["y"], "flatten"));
        return WithOpset(g, 17);
    }

    /// <summary>
    /// A transformer-style block: LayerNormalization, MatMul + Add, Gelu written with Erf (as torch exports it),
    /// Transpose, Softmax, Tanh, ReduceMean, Concat, Reshape. x: float32[2,5,8] → y: [2,48].
    /// </summary>
    public static Model EncoderBlock()
    {
        var g = new GraphModel { Name = "encoder_block" };
        g.Inputs.Add(ModelBuilder.FloatValue("x", 2, 5, 8));
        g.Outputs.Add(ModelBuilder.FloatValue("y", 2, 48));
        g.Initializers.Add(new Initializer("gamma", ModelBuilder.Floats(Values(8, 0.9f, 1f), 8)));
        g.Initializers.Add(new Initializer("beta", ModelBuilder.Floats(Values(8, 0.1f), 8)));
        g.Initializers.Add(new Initializer("w", ModelBuilder.Floats(Values(64, 0.4f), 8, 8)));
        g.Initializers.Add(new Initializer("bias", ModelBuilder.Floats(Values(8, 0.2f), 8)));
        g.Initializers.Add(new Initializer("sqrt2", ModelBuilder.Floats([MathF.Sqrt(2f)])));
        g.Initializers.Add(new Initializer("one", ModelBuilder.Floats([1f])));
        g.Initializers.Add(new Initializer("half", ModelBuilder.Floats([0.5f])));
        g.Initializers.Add(new Initializer("shape", TensorData.FromBytes(Longs(2, -1), DataType.Int64, [2])));
        var ln = new Node("LayerNormalization", ["x", "gamma", "beta"], ["ln"], "ln");
        ln.Attributes.Add(NodeAttribute.Of("axis", -1L));
        ln.Attributes.Add(NodeAttribute.Of("epsilon", 1e-5f));
        g.Nodes.Add(ln);
        g.Nodes.Add(new Node("MatMul", ["ln", "w"], ["mm"], "matmul"));
        g.Nodes.Add(new Node("Add", ["mm", "bias"], ["lin"], "add"));
        g.Nodes.Add(new Node("Div", ["lin", "sqrt2"], ["g1"], "gelu_div"));
        g.Nodes.Add(new Node("Erf", ["g1"], ["g2"], "gelu_erf"));
        g.Nodes.Add(new Node("Add", ["g2", "one"], ["g3"], "gelu_add"));
        g.Nodes.Add(new Node("Mul", ["lin", "g3"], ["g4"], "gelu_mul"));
        g.Nodes.Add(new Node("Mul", ["g4", "half"], ["gelu"], "gelu_half"));
        var t = new Node("Transpose", ["gelu"], ["t"], "transpose");
        t.Attributes.Add(NodeAttribute.Of("perm", new long[] { 0, 2, 1 }));
        g.Nodes.Add(t);
        var sm = new Node("Softmax", ["t"], ["sm"], "softmax");
        sm.Attributes.Add(NodeAttribute.Of("axis", -1L));
        g.Nodes.Add(sm);
        g.Nodes.Add(new Node("Tanh", ["sm"], ["th"], "tanh"));
        var rm = new Node("ReduceMean", ["th"], ["rm"], "reducemean");
        rm.Attributes.Add(NodeAttribute.Of("axes", new long[] { -1 }));
        rm.Attributes.Add(NodeAttribute.Of("keepdims", 1L));
        g.Nodes.Add(rm);
        var cat = new Node("Concat", ["sm", "rm"], ["cat"], "concat");
        cat.Attributes.Add(NodeAttribute.Of("axis", 2L));
        g.Nodes.Add(cat);
        g.Nodes.Add(new Node("Reshape", ["cat", "shape"], ["y"], "reshape"));
        return WithOpset(g, 17);
    }

    /// <summary>
    /// torch.onnx's packed-projection split: Slice on the last axis with an INT64_MAX end and a negative axis, then
    /// a strided Slice (step 2) on axis 1. x[2,5,12] → y[2,3,4].
    /// </summary>
    public static Model SliceBlock()
    {
        var g = new GraphModel { Name = "slice_block" };
        g.Inputs.Add(ModelBuilder.FloatValue("x", 2, 5, 12));
        g.Outputs.Add(ModelBuilder.FloatValue("y", 2, 3, 4));
        void Ints(string name, params long[] values) => g.Initializers.Add(new Initializer(name, TensorData.FromBytes(Longs(values), DataType.Int64, [values.Length])));
        Ints("zero", 0); Ints("four", 4); Ints("eight", 8); Ints("end", long.MaxValue); Ints("last", -1); Ints("five", 5); Ints("one", 1); Ints("two", 2);
        g.Nodes.Add(new Node("Slice", ["x", "zero", "four", "last"], ["q"], "slice_q"));
        g.Nodes.Add(new Node("Slice", ["x", "eight", "end", "last"], ["v"], "slice_v"));
        g.Nodes.Add(new Node("Add", ["q", "v"], ["s"], "add"));
        g.Nodes.Add(new Node("Slice", ["s", "zero", "five", "one", "two"], ["y"], "slice_strided"));
        return WithOpset(g, 17);
    }

    private static Model WithOpset(GraphModel g, long opset)
    {
        var model = new Model(g);
        model.OpsetImports[""] = opset;
        return model;
    }

    private static float[] Values(int count, float scale, float offset = 0f) =>
        Enumerable.Range(0, count).Select(i => offset + scale * MathF.Sin(i * 1.7f + 0.3f)).ToArray();

    private static byte[] Longs(params long[] values)
    {
        var bytes = new byte[values.Length * 8];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        return bytes;
    }
}
