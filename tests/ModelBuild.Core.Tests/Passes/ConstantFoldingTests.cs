using System.Runtime.InteropServices;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Passes;
using ModelBuild.Core.Tensors;
using GraphModel = ModelBuild.Core.Graph.Graph;

namespace ModelBuild.Core.Tests.Passes;

public sealed class ConstantFoldingTests
{
    private static TensorData Longs(params long[] v) => TensorData.FromBytes(MemoryMarshal.AsBytes(v.AsSpan()).ToArray(), DataType.Int64, [v.Length]);

    private static Model Model(GraphModel g)
    {
        var m = new Model(g);
        m.OpsetImports[""] = 17;
        return m;
    }

    [Fact]
    public void Run_WhenTorchAttentionShapeArithmetic_FoldsItToConstantSliceBounds()
    {
        // torch.onnx 1.13's in_proj split: Shape → Gather → (+2)/3 → *1, *2 as Slice ends.
        var g = new GraphModel();
        g.Inputs.Add(new ValueInfo("x", DataType.Float32, TensorShape.Of(8, 1, 96)));
        g.Outputs.Add(new ValueInfo("y", DataType.Float32, TensorShape.Of(8, 1, 32)));
        var axis = new Node("Constant", [], ["axis"]);
        axis.Attributes.Add(NodeAttribute.Of("value", Longs(-1)));
        g.Nodes.Add(axis);
        g.Nodes.Add(new Node("Shape", ["x"], ["shape"]));
        var gather = new Node("Gather", ["shape", "axis"], ["n"]);
        gather.Attributes.Add(NodeAttribute.Of("axis", 0L));
        g.Nodes.Add(gather);
        g.Initializers.Add(new Initializer("two", Longs(2)));
        g.Initializers.Add(new Initializer("three", Longs(3)));
        g.Initializers.Add(new Initializer("zero", Longs(0)));
        g.Nodes.Add(new Node("Add", ["n", "two"], ["n2"]));
        g.Nodes.Add(new Node("Div", ["n2", "three"], ["third"]));
        g.Nodes.Add(new Node("Slice", ["x", "zero", "third", "axis"], ["y"]));
        var model = Model(g);

        int folded = ConstantFolding.Run(model);

        Assert.Equal(5, folded);
        Assert.Equal(["Slice"], g.Nodes.Select(n => n.OpType));
        var end = g.Initializers.Single(i => i.Name == "third").Data;
        Assert.Equal([32L], MemoryMarshal.Cast<byte, long>(end.ReadAllBytes()).ToArray());
        Assert.DoesNotContain(g.Initializers, i => i.Name is "two" or "three");
    }

    [Fact]
    public void Run_WhenIdentityOfWeightOrFloatMath_FoldsOnlyTheIdentityAndLeavesFloatsAlone()
    {
        var g = new GraphModel();
        g.Inputs.Add(new ValueInfo("x", DataType.Float32, TensorShape.Of(1, 4)));
        g.Outputs.Add(new ValueInfo("y", DataType.Float32, TensorShape.Of(1, 4)));
        var w = TensorData.FromBytes(MemoryMarshal.AsBytes(new float[] { 1, 2, 3, 4 }.AsSpan()).ToArray(), DataType.Float32, [4]);
        g.Initializers.Add(new Initializer("w", w));
        g.Nodes.Add(new Node("Identity", ["w"], ["w2"]));
        g.Nodes.Add(new Node("Mul", ["w", "w2"], ["ww"]));
        g.Nodes.Add(new Node("Add", ["x", "ww"], ["y"]));

        ConstantFolding.Run(Model(g));

        Assert.Equal(["Mul", "Add"], g.Nodes.Select(n => n.OpType));
        Assert.Same(w, g.Initializers.Single(i => i.Name == "w2").Data);
    }

    [Fact]
    public void Run_WhenShapeIsSymbolicOrNodeIsAGraphOutput_LeavesItInPlace()
    {
        var g = new GraphModel();
        g.Inputs.Add(new ValueInfo("x", DataType.Float32, new TensorShape([Dim.Named("batch"), Dim.Fixed(4)])));
        g.Outputs.Add(new ValueInfo("s", DataType.Int64, TensorShape.Of(2)));
        g.Outputs.Add(new ValueInfo("c", DataType.Int64, TensorShape.Of(1)));
        g.Nodes.Add(new Node("Shape", ["x"], ["s"]));
        var c = new Node("Constant", [], ["c"]);
        c.Attributes.Add(NodeAttribute.Of("value", Longs(7)));
        g.Nodes.Add(c);

        Assert.Equal(0, ConstantFolding.Run(Model(g)));
        Assert.Equal(2, g.Nodes.Count);
    }
}
