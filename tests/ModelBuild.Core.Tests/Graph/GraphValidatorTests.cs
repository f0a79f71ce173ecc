using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;
using ModelBuild.Core.Tests.TestSupport;
using GraphModel = ModelBuild.Core.Graph.Graph;

namespace ModelBuild.Core.Tests.Graph;

public sealed class GraphValidatorTests
{
    private const string File = "model.onnx";

    [Fact]
    public void Validate_WhenGraphIsWellFormed_DoesNotThrow()
    {
        GraphValidator.Validate(ModelBuilder.Mlp(), File, DiagnosticCode.OutputGraphInvalid);
    }

    [Fact]
    public void Validate_WhenNodeReadsUndefinedValue_NamesNodeAndValue()
    {
        var model = ModelBuilder.Mlp();
        model.Graph.Nodes[1].Inputs[1] = "missing";

        var e = Assert.Throws<ModelBuildException>(() => GraphValidator.Validate(model, File, DiagnosticCode.OutputGraphInvalid));

        Assert.Equal(DiagnosticCode.OutputGraphInvalid, e.Code);
        Assert.Equal(File, e.File);
        Assert.Contains("Add node 'add'", e.Message);
        Assert.Contains("'missing'", e.Message);
    }

    [Fact]
    public void Validate_WhenNodesOutOfOrder_ReportsOrderNotCycle()
    {
        var model = ModelBuilder.Mlp();
        model.Graph.Nodes.Reverse();

        var e = Assert.Throws<ModelBuildException>(() => GraphValidator.Validate(model, File, DiagnosticCode.OutputGraphInvalid));

        Assert.Contains("topological order", e.Message);
    }

    [Fact]
    public void Validate_WhenGraphHasCycle_NamesNodesOfCycle()
    {
        var model = CycleModel();

        var e = Assert.Throws<ModelBuildException>(() => GraphValidator.Validate(model, File, DiagnosticCode.GraphInvalid));

        Assert.Equal(DiagnosticCode.GraphInvalid, e.Code);
        Assert.Contains("cycle", e.Message);
        Assert.Contains("'n1'", e.Message);
        Assert.Contains("'n2'", e.Message);
        Assert.Contains("'n3'", e.Message);
        Assert.DoesNotContain("'head'", e.Message);
    }

    [Fact]
    public void SortTopologically_WhenNodesReversed_RestoresOrder()
    {
        var model = ModelBuilder.Mlp();
        model.Graph.Nodes.Reverse();

        GraphValidator.SortTopologically(model.Graph, File, DiagnosticCode.GraphInvalid);

        Assert.Equal(["matmul", "add", "relu"], model.Graph.Nodes.Select(n => n.Name));
        GraphValidator.Validate(model, File, DiagnosticCode.GraphInvalid);
    }

    [Fact]
    public void SortTopologically_WhenCycle_Throws()
    {
        var e = Assert.Throws<ModelBuildException>(() => GraphValidator.SortTopologically(CycleModel().Graph, File, DiagnosticCode.GraphInvalid));

        Assert.Contains("cycle", e.Message);
    }

    [Fact]
    public void SortTopologically_WhenSubgraphReadsOuterValue_OrdersProducerFirst()
    {
        var model = IfModel();
        model.Graph.Nodes.Reverse();

        GraphValidator.SortTopologically(model.Graph, File, DiagnosticCode.GraphInvalid);

        Assert.Equal("If", model.Graph.Nodes[^1].OpType);
        GraphValidator.Validate(model, File, DiagnosticCode.GraphInvalid);
    }

    [Fact]
    public void Validate_WhenValueAssignedTwice_NamesValue()
    {
        var model = ModelBuilder.Mlp();
        model.Graph.Nodes[2].Outputs[0] = "xw";

        var e = Assert.Throws<ModelBuildException>(() => GraphValidator.Validate(model, File, DiagnosticCode.OutputGraphInvalid));

        Assert.Contains("Relu node 'relu'", e.Message);
        Assert.Contains("'xw'", e.Message);
    }

    [Fact]
    public void Validate_WhenNodeOutputShadowsInitializer_Throws()
    {
        var model = ModelBuilder.Mlp();
        model.Graph.Nodes[0].Outputs[0] = "b";

        var e = Assert.Throws<ModelBuildException>(() => GraphValidator.Validate(model, File, DiagnosticCode.OutputGraphInvalid));

        Assert.Contains("initializer", e.Message);
    }

    [Fact]
    public void Validate_WhenGraphOutputNotProduced_NamesOutput()
    {
        var model = ModelBuilder.Mlp();
        model.Graph.Outputs.Add(ModelBuilder.FloatValue("extra", 1));

        var e = Assert.Throws<ModelBuildException>(() => GraphValidator.Validate(model, File, DiagnosticCode.OutputGraphInvalid));

        Assert.Contains("'extra'", e.Message);
    }

    [Fact]
    public void Validate_WhenDefaultOpsetMissing_Throws()
    {
        var model = ModelBuilder.Mlp();
        model.OpsetImports.Clear();

        var e = Assert.Throws<ModelBuildException>(() => GraphValidator.Validate(model, File, DiagnosticCode.OutputGraphInvalid));

        Assert.Contains("default ONNX domain", e.Message);
    }

    [Fact]
    public void Validate_WhenNodeDomainHasNoOpset_NamesDomain()
    {
        var model = ModelBuilder.Mlp();
        model.Graph.Nodes[2].Domain = "com.microsoft";

        var e = Assert.Throws<ModelBuildException>(() => GraphValidator.Validate(model, File, DiagnosticCode.OutputGraphInvalid));

        Assert.Contains("'com.microsoft'", e.Message);
    }

    [Fact]
    public void Validate_WhenFileBackedTensorBeyondFile_Throws()
    {
        using var dir = new TempDirectory();
        var weights = dir.File("w.bin");
        System.IO.File.WriteAllBytes(weights, new byte[16]);
        var model = ModelBuilder.Mlp();
        model.Graph.Initializers[0].Data = TensorData.FromFile(weights, 8, 48, DataType.Float32, [4, 3]);

        var e = Assert.Throws<ModelBuildException>(() => GraphValidator.Validate(model, File, DiagnosticCode.OutputGraphInvalid));

        Assert.Contains("initializer 'W'", e.Message);
    }

    [Fact]
    public void Validate_WhenStridedViewReachesPastRegion_Throws()
    {
        using var dir = new TempDirectory();
        var weights = dir.File("w.bin");
        System.IO.File.WriteAllBytes(weights, new byte[48]);
        var model = ModelBuilder.Mlp();
        model.Graph.Initializers[0].Data = TensorData.FromFile(weights, 0, 48, DataType.Float32, [4, 3], strides: [100, 1]);

        var e = Assert.Throws<ModelBuildException>(() => GraphValidator.Validate(model, File, DiagnosticCode.OutputGraphInvalid));

        Assert.Contains("initializer 'W'", e.Message);
    }

    [Fact]
    public void Validate_WhenAPartOfAConcatenationIsBeyondItsFile_Throws()
    {
        using var dir = new TempDirectory();
        var weights = dir.File("w.bin");
        System.IO.File.WriteAllBytes(weights, new byte[32]);
        var model = ModelBuilder.Mlp();
        var inside = TensorData.FromFile(weights, 0, 24, DataType.Float32, [2, 3]);
        var beyond = TensorData.FromFile(weights, 16, 24, DataType.Float32, [2, 3]);
        model.Graph.Initializers[0].Data = TensorData.Concat([inside, beyond], [4, 3]);

        var e = Assert.Throws<ModelBuildException>(() => GraphValidator.Validate(model, File, DiagnosticCode.OutputGraphInvalid));

        Assert.Contains("initializer 'W'", e.Message);
        Assert.Contains("16..40", e.Message);
    }

    [Fact]
    public void Validate_WhenSubgraphReadsOuterScope_DoesNotThrow()
    {
        GraphValidator.Validate(IfModel(), File, DiagnosticCode.OutputGraphInvalid);
    }

    [Fact]
    public void Validate_WhenSubgraphReadsUndefined_NamesIt()
    {
        var model = IfModel();
        model.Graph.Nodes[1].Attribute("then_branch")!.Graph!.Nodes[0].Inputs[0] = "ghost";

        var e = Assert.Throws<ModelBuildException>(() => GraphValidator.Validate(model, File, DiagnosticCode.OutputGraphInvalid));

        Assert.Contains("'ghost'", e.Message);
    }

    internal static Model CycleModel()
    {
        var graph = new GraphModel();
        graph.Inputs.Add(ModelBuilder.FloatValue("x", 2));
        graph.Outputs.Add(ModelBuilder.FloatValue("c", 2));
        graph.Nodes.Add(new Node("Relu", ["x"], ["h"], "head"));
        graph.Nodes.Add(new Node("Add", ["h", "c"], ["a"], "n1"));
        graph.Nodes.Add(new Node("Relu", ["a"], ["b"], "n2"));
        graph.Nodes.Add(new Node("Relu", ["b"], ["c"], "n3"));
        var model = new Model(graph);
        model.OpsetImports[""] = 17;
        return model;
    }

    /// <summary>If(cond) then Relu(x) else Neg(x), both branches reading x from the outer scope.</summary>
    internal static Model IfModel()
    {
        var graph = new GraphModel { Name = "main" };
        graph.Inputs.Add(new ValueInfo("x", DataType.Float32, TensorShape.Of(2)));
        graph.Inputs.Add(new ValueInfo("flag", DataType.Bool, TensorShape.Of()));
        graph.Outputs.Add(new ValueInfo("output", DataType.Float32, TensorShape.Of(2)));
        graph.Nodes.Add(new Node("Identity", ["flag"], ["cond"], "cond"));
        var node = new Node("If", ["cond"], ["output"], "branch");
        node.Attributes.Add(NodeAttribute.Of("then_branch", Branch("then", "Relu")));
        node.Attributes.Add(NodeAttribute.Of("else_branch", Branch("else", "Neg")));
        graph.Nodes.Add(node);
        var model = new Model(graph);
        model.OpsetImports[""] = 17;
        return model;
    }

    private static GraphModel Branch(string name, string op)
    {
        var graph = new GraphModel { Name = name };
        graph.Outputs.Add(new ValueInfo($"{name}_out", DataType.Float32, TensorShape.Of(2)));
        graph.Nodes.Add(new Node(op, ["x"], [$"{name}_out"], $"{name}_op"));
        return graph;
    }
}
