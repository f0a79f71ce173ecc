using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Exporters.Onnx;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Importers.TorchScript;
using ModelBuild.Core.Tensors;
using ModelBuild.Core.Tensors.Numpy;
using ModelBuild.Core.Verification;

namespace ModelBuild.Core.Tests.Importers.TorchScript;

/// <summary>
/// End to end on real TorchScript: archive code → parse → bind → graph with the state_dict → ONNX (OnnxWriter) →
/// ONNX Runtime, against PyTorch's outputs at atol 1e-5 / rtol 1e-4.
/// </summary>
public sealed class TorchScriptGraphBuilderTests
{
    [Theory]
    [InlineData("mlp_traced")]
    [InlineData("cnn_traced")]
    [InlineData("shapes_traced")]
    [InlineData("gated_scripted")]
    public void Build_WhenRealArchiveIsConverted_MatchesPyTorch(string name)
    {
        var module = TorchScriptFixtures.LoadArchive(name);
        var reference = NpzReader.Read(Path.Combine(TorchScriptFixtures.Folder, name + ".ref.npz"));

        var outputs = TorchScriptFixtures.ConvertAndRun(module, reference, out var model);

        Assert.Equal(17, model.OpsetImports[""]);
        TorchScriptFixtures.AssertClose(reference.Single(t => t.Name == "output.output").Data, Assert.Single(outputs).Data, 1e-5, 1e-4);
    }

    [Fact]
    public void Import_WhenGivenArchiveContents_ParsesAndBuildsInOneCall()
    {
        var code = new Dictionary<string, string>
        {
            ["archive/code/__torch__.py"] = TorchScriptTestData.Forward("return torch.relu(torch.linear(x, self.weight, None))").Replace("training : bool", "weight : Tensor"),
        };
        var root = new TorchScriptObject("__torch__.M");
        root.Attributes["weight"] = TensorData.FromBytes(new byte[4 * 6], DataType.Float32, [3, 2]);

        var model = TorchScriptImporter.Import(new TorchScriptArchiveContents("net.pt", code, root, []), new TorchScriptImportOptions([TorchScriptTestData.Float("x", 4, 2)]));

        Assert.Equal(["Gemm", "Relu", "Identity"], model.Graph.Nodes.Select(n => n.OpType));
        Assert.Equal("weight", Assert.Single(model.Graph.Initializers).Name);
        Assert.Equal([4L, 3L], model.Graph.Outputs[0].Shape!.Dims.Select(d => d.Value!.Value));
    }

    [Fact]
    public void Build_WhenSequentialUsesNumberedChildren_InlinesThemAndNamesWeightsByPath()
    {
        var code = new Dictionary<string, string>
        {
            ["code/__torch__.py"] = """
                class Net(Module):
                  __parameters__ = []
                  __buffers__ = []
                  training : bool
                  layers : __torch__.torch.nn.modules.container.Sequential
                  def forward(self: __torch__.Net,
                    x: Tensor) -> Tensor:
                    layers = self.layers
                    return (layers).forward(x, )
                """,
            ["code/__torch__/torch/nn/modules/container.py"] = """
                class Sequential(Module):
                  __parameters__ = []
                  __buffers__ = []
                  training : bool
                  __annotations__["0"] = __torch__.torch.nn.modules.linear.Linear
                  __annotations__["1"] = __torch__.torch.nn.modules.linear.Linear
                  def forward(self: __torch__.torch.nn.modules.container.Sequential,
                    argument_1: Tensor) -> Tensor:
                    _1 = getattr(self, "1")
                    _0 = getattr(self, "0")
                    return (_1).forward((_0).forward(argument_1, ), )
                """,
            ["code/__torch__/torch/nn/modules/linear.py"] = """
                class Linear(Module):
                  __parameters__ = ["weight", ]
                  __buffers__ = []
                  weight : Tensor
                  training : bool
                  out_features : Final[int] = 2
                  def forward(self: __torch__.torch.nn.modules.linear.Linear,
                    input: Tensor) -> Tensor:
                    weight = self.weight
                    _0 = torch.linear(input, weight)
                    return torch.add(_0, self.out_features)
                """,
        };
        var program = TorchScriptProgram.Parse(code, "net.pt");
        var weight = TensorData.FromBytes(new byte[16], DataType.Float32, [2, 2]);
        var root = TorchScriptObjectTree.FromStateDict(program, "__torch__.Net", [new NamedTensor("layers.0.weight", weight), new NamedTensor("layers.1.weight", weight)]);

        var model = TorchScriptGraphBuilder.Build(new TorchScriptModule(program, root, []), new TorchScriptImportOptions([TorchScriptTestData.Float("x", 1, 2)]));

        Assert.Equal(["layers.0.weight", "layers.1.weight"], model.Graph.Initializers.Select(i => i.Name));
        Assert.Equal(2, model.Graph.Nodes.Count(n => n.OpType == "Gemm"));
        Assert.Equal(2, model.Graph.Nodes.Count(n => n.OpType == "Add"));
    }

    [Fact]
    public void Build_WhenBatchIsSymbolic_KeepsTheNamedDimAndRuns()
    {
        var module = TorchScriptFixtures.LoadArchive("mlp_traced");
        var reference = NpzReader.Read(Path.Combine(TorchScriptFixtures.Folder, "mlp_traced.ref.npz"));
        var input = new ValueInfo("x", DataType.Float32, new TensorShape([Dim.Named("batch"), Dim.Fixed(16)]));

        var model = TorchScriptGraphBuilder.Build(module, new TorchScriptImportOptions([input]));

        Assert.Equal("batch", model.Graph.Inputs[0].Shape!.Dims[0].Symbol);
        Assert.False(model.Graph.Outputs[0].Shape!.Dims[0].IsFixed);
        using var dir = new TestSupport.TempDirectory();
        OnnxWriter.Write(model, dir.File("mlp.onnx"));
        using var runner = new OnnxRuntimeRunner(dir.File("mlp.onnx"));
        var output = runner.Run([new NamedTensor("x", reference.Single(t => t.Name == "input.x").Data)]);
        TorchScriptFixtures.AssertClose(reference.Single(t => t.Name == "output.output").Data, output[0].Data, 1e-5, 1e-4);
    }

    [Fact]
    public void Build_WhenSizeOfSymbolicDimIsNeeded_ComputesItAtRunTime()
    {
        var module = TorchScriptFixtures.LoadArchive("shapes_traced");
        var reference = NpzReader.Read(Path.Combine(TorchScriptFixtures.Folder, "shapes_traced.ref.npz"));
        var input = new ValueInfo("x", DataType.Float32, new TensorShape([Dim.Named("batch"), Dim.Fixed(4), Dim.Fixed(3), Dim.Fixed(2)]));
        var x = reference.Single(t => t.Name == "input.x");

        var outputs = TorchScriptFixtures.ConvertAndRun(module, [input], [new NamedTensor("x", x.Data)], out var model);

        Assert.Equal("batch", model.Graph.Inputs.Single().Shape!.Dims[0].Symbol);
        Assert.Contains(model.Graph.Nodes, n => n.OpType == "Shape");
        TorchScriptFixtures.AssertClose(reference.Single(t => t.Name == "output.output").Data, Assert.Single(outputs).Data, 1e-5, 1e-4);
    }

    [Fact]
    public void Build_WhenTracedCnnIsConverted_InlinesModulesIntoOnnxOps()
    {
        var module = TorchScriptFixtures.LoadArchive("cnn_traced");
        var reference = NpzReader.Read(Path.Combine(TorchScriptFixtures.Folder, "cnn_traced.ref.npz"));

        var model = TorchScriptGraphBuilder.Build(module, new TorchScriptImportOptions(TorchScriptFixtures.InputsOf(reference)));

        var ops = model.Graph.Nodes.Select(n => n.OpType).Where(o => o != "Constant").ToArray();
        Assert.Equal(["Conv", "BatchNormalization", "Relu", "MaxPool", "Conv", "AveragePool", "Add", "GlobalAveragePool", "Flatten", "Gemm", "Identity"], ops);
        Assert.Contains(model.Graph.Initializers, i => i.Name == "bn.running_var");
        Assert.DoesNotContain(model.Graph.Initializers, i => i.Name == "bn.num_batches_tracked");
    }

    [Fact]
    public void Build_WhenShapeArithmeticIsStatic_FoldsItAway()
    {
        var module = TorchScriptFixtures.LoadArchive("shapes_traced");
        var reference = NpzReader.Read(Path.Combine(TorchScriptFixtures.Folder, "shapes_traced.ref.npz"));

        var model = TorchScriptGraphBuilder.Build(module, new TorchScriptImportOptions(TorchScriptFixtures.InputsOf(reference)));

        // size()/NumToTensor/int()/mul on sizes leave no Shape, Gather or Mul-of-sizes behind.
        Assert.DoesNotContain(model.Graph.Nodes, n => n.OpType is "Shape" or "Gather");
        var reshape = model.Graph.Nodes.First(n => n.OpType == "Reshape");
        var shapeConstant = model.Graph.Nodes.Single(n => n.Outputs[0] == reshape.Inputs[1]);
        Assert.Equal("Constant", shapeConstant.OpType);
    }

    [Fact]
    public void Build_WhenOpHasNoLowering_FailsWithMbld2001NamingOpOverloadFileAndLine()
    {
        const string source = """
            class M(Module):
              __parameters__ = []
              __buffers__ = []
              training : bool
              def forward(self: __torch__.M,
                x: Tensor) -> Tensor:
                y = torch.relu(x)
                return torch.erfinv(y)
            """;
        var module = TorchScriptFixtures.FromSource(source);

        var ex = Assert.Throws<ModelBuildException>(() => TorchScriptGraphBuilder.Build(module, new TorchScriptImportOptions([TorchScriptTestData.Float("x", 2, 3)])));

        Assert.Equal(DiagnosticCode.UnsupportedOperator, ex.Code);
        Assert.Equal(ExitCode.Unsupported, ex.ExitCode);
        Assert.Equal("test.pt", ex.File);
        Assert.Equal("code/__torch__.py:8: operator aten::erfinv is not supported yet (no ONNX lowering).", ex.Message);
    }

    [Fact]
    public void Build_WhenOpIsUnknownToPyTorch_FailsWithMbld2001()
    {
        var module = TorchScriptFixtures.FromSource(TorchScriptTestData.Forward("return ops.mylib.frobnicate(x)"));

        var ex = Assert.Throws<ModelBuildException>(() => TorchScriptGraphBuilder.Build(module, new TorchScriptImportOptions([TorchScriptTestData.Float("x", 2)])));

        Assert.Equal(DiagnosticCode.UnsupportedOperator, ex.Code);
        Assert.Contains("mylib::frobnicate", ex.Message);
    }

    [Fact]
    public void Build_WhenBranchDependsOnTensorData_FailsWithMbld2013()
    {
        var module = TorchScriptFixtures.FromSource(TorchScriptTestData.Forward("""
            if bool(torch.relu(x)):
                  y = x
                else:
                  y = torch.relu(x)
                return y
            """));

        var ex = Assert.Throws<ModelBuildException>(() => TorchScriptGraphBuilder.Build(module, new TorchScriptImportOptions([TorchScriptTestData.Float("x", 2)])));

        Assert.Equal(DiagnosticCode.TorchScriptNotStatic, ex.Code);
        Assert.StartsWith("code/__torch__.py:", ex.Message);
    }

    [Fact]
    public void Build_WhenRaiseIsReached_FailsWithMbld2014CarryingTheModelsMessage()
    {
        var module = TorchScriptFixtures.FromSource(TorchScriptTestData.Forward("""
            if torch.ne(torch.dim(x), 4):
                  ops.prim.RaiseException("expected 4D input", "builtins.ValueError")
                else:
                  pass
                return x
            """));

        var ex = Assert.Throws<ModelBuildException>(() => TorchScriptGraphBuilder.Build(module, new TorchScriptImportOptions([TorchScriptTestData.Float("x", 2)])));

        Assert.Equal(DiagnosticCode.TorchScriptRaises, ex.Code);
        Assert.Contains("expected 4D input", ex.Message);
    }

    [Fact]
    public void Build_WhenSignatureNamesUnknownInput_FailsWithMbld2016()
    {
        var module = TorchScriptFixtures.FromSource(TorchScriptTestData.Forward("return x"));

        var ex = Assert.Throws<ModelBuildException>(() => TorchScriptGraphBuilder.Build(module,
            new TorchScriptImportOptions([TorchScriptTestData.Float("x", 2), TorchScriptTestData.Float("z", 2)])));

        Assert.Equal(DiagnosticCode.TorchScriptInputs, ex.Code);
    }

    [Fact]
    public void Build_WhenLoopsAndListsAreStatic_UnrollsThem()
    {
        var module = TorchScriptFixtures.FromSource(TorchScriptTestData.Forward("""
            shape = annotate(List[int], [])
                _0 = torch.size(x)
                for _1 in range(torch.len(_0)):
                  _2 = torch.append(shape, torch.mul(_0[_1], 2))
                i = 0
                y = x
                _3 = torch.lt(i, 3)
                while _3:
                  y = torch.add(y, 1.)
                  i0 = torch.add(i, 1)
                  _3, i = torch.lt(i0, 3), i0
                return torch.reshape(y, [shape[1], -1])
            """));

        var model = TorchScriptGraphBuilder.Build(module, new TorchScriptImportOptions([TorchScriptTestData.Float("x", 2, 3)]));

        Assert.Equal(3, model.Graph.Nodes.Count(n => n.OpType == "Add"));
        Assert.Equal([6L, 1L], model.Graph.Outputs[0].Shape!.Dims.Select(d => d.Value!.Value));
    }
}
