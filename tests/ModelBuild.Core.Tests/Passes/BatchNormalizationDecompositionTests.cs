using System.Runtime.InteropServices;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Passes;
using ModelBuild.Core.Tensors;
using GraphModel = ModelBuild.Core.Graph.Graph;

namespace ModelBuild.Core.Tests.Passes;

public sealed class BatchNormalizationDecompositionTests
{
    private static TensorData Floats(params float[] v) => TensorData.FromBytes(MemoryMarshal.AsBytes(v.AsSpan()).ToArray(), DataType.Float32, [v.Length]);

    private static (Model Model, Node Bn) Build(long[] inputShape, bool training = false)
    {
        var g = new GraphModel();
        g.Inputs.Add(new ValueInfo("x", DataType.Float32, TensorShape.Of(inputShape)));
        g.Outputs.Add(new ValueInfo("y", DataType.Float32, TensorShape.Of(inputShape)));
        g.Initializers.Add(new Initializer("gamma", Floats(2f, 0.5f)));
        g.Initializers.Add(new Initializer("beta", Floats(0.1f, -0.2f)));
        g.Initializers.Add(new Initializer("mean", Floats(1f, -1f)));
        g.Initializers.Add(new Initializer("var", Floats(3f, 0.25f)));
        var bn = new Node("BatchNormalization", ["x", "gamma", "beta", "mean", "var"], ["y"], "bn");
        bn.Attributes.Add(NodeAttribute.Of("epsilon", 1f));
        if (training) bn.Attributes.Add(NodeAttribute.Of("training_mode", 1L));
        g.Nodes.Add(bn);
        var model = new Model(g);
        model.OpsetImports[""] = 17;
        return (model, bn);
    }

    private static float[] Read(Model m, string name) =>
        MemoryMarshal.Cast<byte, float>(m.Graph.Initializers.Single(i => i.Name == name).Data.ReadAllBytes()).ToArray();

    [Fact]
    public void Run_WhenNchwInput_WritesMulAddWithPerChannelScaleAndShiftShapedToBroadcast()
    {
        var (model, _) = Build([1, 2, 3, 3]);

        Assert.Equal(1, BatchNormalizationDecomposition.Run(model));

        Assert.Equal(["Mul", "Add"], model.Graph.Nodes.Select(n => n.OpType));
        Assert.Equal("y", model.Graph.Nodes[1].Outputs[0]);
        // s = gamma / sqrt(var + eps) = [2/2, 0.5/sqrt(1.25)]; t = beta - mean * s.
        var s = Read(model, "bn/scale");
        var t = Read(model, "bn/shift");
        Assert.Equal([2L, 1, 1], model.Graph.Initializers.Single(i => i.Name == "bn/scale").Data.Shape);
        Assert.Equal(1f, s[0], 6);
        Assert.Equal(0.5f / MathF.Sqrt(1.25f), s[1], 6);
        Assert.Equal(0.1f - 1f * s[0], t[0], 6);
        Assert.Equal(-0.2f + 1f * s[1], t[1], 6);
    }

    [Fact]
    public void Run_WhenRank2InputAfterLinear_ShapesScaleAsAVector()
    {
        var (model, _) = Build([4, 2]);

        BatchNormalizationDecomposition.Run(model);

        Assert.Equal([2L], model.Graph.Initializers.Single(i => i.Name == "bn/scale").Data.Shape);
    }

    [Fact]
    public void Run_WhenTrainingModeOrComputedStatistics_LeavesTheNode()
    {
        var (training, _) = Build([1, 2, 3, 3], training: true);
        Assert.Equal(0, BatchNormalizationDecomposition.Run(training));

        var (computed, bn) = Build([1, 2, 3, 3]);
        computed.Graph.Initializers.RemoveAll(i => i.Name == "mean");
        computed.Graph.Inputs.Add(new ValueInfo("mean", DataType.Float32, TensorShape.Of(2)));
        Assert.Equal(0, BatchNormalizationDecomposition.Run(computed));
        Assert.Same(bn, computed.Graph.Nodes.Single());
    }
}
