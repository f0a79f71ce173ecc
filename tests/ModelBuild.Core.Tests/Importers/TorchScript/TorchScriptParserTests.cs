using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Importers.TorchScript.Syntax;

namespace ModelBuild.Core.Tests.Importers.TorchScript;

public sealed class TorchScriptParserTests
{
    private const string Path = "code/__torch__/torch/nn/modules/container.py";

    private static FunctionDef Forward(string body) =>
        TorchScriptParser.ParseFile(TorchScriptTestData.Forward(body), "code/__torch__.py").Classes[0].Methods[0];

    private static Stmt Statement(string body) => Forward(body).Body[0];

    [Fact]
    public void ParseFile_WhenClassDeclaresParametersBuffersAndAttributes_ReadsThem()
    {
        const string source = """
            class Block(Module):
              __parameters__ = ["weight", "bias", ]
              __buffers__ = ["running_mean", ]
              weight : Tensor
              fc1 : __torch__.torch.nn.modules.linear.___torch_mangle_0.Linear
              scale : Final[int] = 2
              __annotations__["0"] = __torch__.torch.nn.modules.linear.Linear
              def __len__(self: __torch__.torch.nn.modules.container.Block) -> int:
                return 3
            """;

        var file = TorchScriptParser.ParseFile(source, Path);

        var cls = Assert.Single(file.Classes);
        Assert.Equal("__torch__.torch.nn.modules.container.Block", cls.QualifiedName);
        Assert.True(cls.IsModule);
        Assert.Equal(["weight", "bias"], cls.ParameterNames);
        Assert.Equal(["running_mean"], cls.BufferNames);
        Assert.Equal(["weight", "fc1", "scale", "0"], cls.Attributes.Select(a => a.Name));
        Assert.True(cls.Attribute("scale")!.IsFinal);
        Assert.Equal(2L, ((ConstantExpr)cls.Attribute("scale")!.Value!).Value);
        Assert.Equal("__len__", Assert.Single(cls.Methods).Name);
    }

    [Fact]
    public void ParseFile_WhenDefSpansLinesWithTypedDefaults_ReadsParameters()
    {
        const string source = """
            def softmax(input: Tensor,
                dim: Optional[int]=None,
                _stacklevel: int=3) -> Tensor:
              return input
            """;

        var fn = Assert.Single(TorchScriptParser.ParseFile(source, "code/__torch__/torch/nn/functional.py").Functions);

        Assert.Equal(["input", "dim", "_stacklevel"], fn.Parameters.Select(p => p.Name));
        Assert.IsType<SubscriptExpr>(fn.Parameters[1].Type);
        Assert.Equal(3L, ((ConstantExpr)fn.Parameters[2].Default!).Value);
    }

    [Fact]
    public void Parse_WhenTupleTargetsHaveTrailingComma_AssignsATuple()
    {
        var assign = Assert.IsType<AssignStmt>(Statement("q, k, v, = torch.chunk(x, 3, -1)\n    return q"));

        Assert.Equal(3, Assert.IsType<TupleExpr>(assign.Target).Items.Count);
    }

    [Fact]
    public void Parse_WhenParallelAssignment_PairsTuples()
    {
        var assign = Assert.IsType<AssignStmt>(Statement("_7, y1 = torch.lt(i0, n), y2\n    return x"));

        Assert.Equal(2, Assert.IsType<TupleExpr>(assign.Value).Items.Count);
    }

    [Fact]
    public void Parse_WhenIfElseForAndWhile_BuildsBlocks()
    {
        var body = Forward("""
            if torch.gt(n, 1):
                  y = x
                else:
                  y = torch.relu(x)
                for i in range(3):
                  y = torch.add(y, i)
                while _7:
                  _7 = False
                return y
            """).Body;

        var ifs = Assert.IsType<IfStmt>(body[0]);
        Assert.Single(ifs.Then);
        Assert.Single(ifs.Else);
        Assert.IsType<ForStmt>(body[1]);
        Assert.IsType<WhileStmt>(body[2]);
        Assert.IsType<ReturnStmt>(body[3]);
    }

    [Fact]
    public void Parse_WhenCallHasKeywordsAndTrailingComma_KeepsBoth()
    {
        var call = Assert.IsType<CallExpr>(TorchScriptParser.ParseExpression("torch.div(a, b, rounding_mode=\"trunc\")"));
        var method = Assert.IsType<CallExpr>(TorchScriptParser.ParseExpression("(fc2).forward((act).forward(x, ), )"));

        Assert.Equal(2, call.Arguments.Count);
        Assert.Equal("rounding_mode", Assert.Single(call.Keywords).Name);
        Assert.Equal("trunc", ((ConstantExpr)call.Keywords[0].Value).Value);
        Assert.Equal("forward", Assert.IsType<AttributeExpr>(method.Function).Name);
        Assert.Single(method.Arguments);
    }

    [Theory]
    [InlineData("0.10000000000000001", 0.10000000000000001)]
    [InlineData("1.0000000000000001e-05", 1.0000000000000001e-05)]
    [InlineData("1.", 1.0)]
    [InlineData("-0.5", -0.5)]
    public void ParseExpression_WhenFloatLiteral_ParsesInvariant(string text, double value) =>
        Assert.Equal(value, Assert.IsType<ConstantExpr>(TorchScriptParser.ParseExpression(text)).Value);

    [Fact]
    public void ParseExpression_WhenLiteralsAndContainers_BuildsThem()
    {
        Assert.Equal(9223372036854775807L, ((ConstantExpr)TorchScriptParser.ParseExpression("9223372036854775807")).Value);
        Assert.Null(((ConstantExpr)TorchScriptParser.ParseExpression("None")).Value);
        Assert.Equal(true, ((ConstantExpr)TorchScriptParser.ParseExpression("True")).Value);
        Assert.Equal("a\"b\n", ((ConstantExpr)TorchScriptParser.ParseExpression("\"a\\\"b\\n\"")).Value);
        Assert.Equal(2, Assert.IsType<ListExpr>(TorchScriptParser.ParseExpression("[1, 1]")).Items.Count);
        Assert.Single(Assert.IsType<TupleExpr>(TorchScriptParser.ParseExpression("(a,)")).Items);
        Assert.Single(Assert.IsType<DictExpr>(TorchScriptParser.ParseExpression("{\"a\": 1}")).Keys);
    }

    [Fact]
    public void ParseExpression_WhenSpecialForms_ParsesThemAsCalls()
    {
        foreach (var text in new[] { "annotate(List[int], [])", "unchecked_cast(Tensor, opt)", "uninitialized(Tensor)", "getattr(self, \"0\")", "ops.prim.NumToTensor(torch.size(x, 0))", "torch.device(\"cpu\")" })
            Assert.IsType<CallExpr>(TorchScriptParser.ParseExpression(text));
        var constant = Assert.IsType<AttributeExpr>(TorchScriptParser.ParseExpression("CONSTANTS.c0"));
        Assert.Equal("c0", constant.Name);
    }

    [Fact]
    public void ParseExpression_WhenOperatorsMix_FollowsPythonPrecedence()
    {
        var e = Assert.IsType<BinaryExpr>(TorchScriptParser.ParseExpression("not a == b and c or d"));
        Assert.Equal("or", e.Operator);
        var and = Assert.IsType<BinaryExpr>(e.Left);
        Assert.Equal("and", and.Operator);
        Assert.Equal("not", Assert.IsType<UnaryExpr>(and.Left).Operator);

        var arith = Assert.IsType<BinaryExpr>(TorchScriptParser.ParseExpression("a + b * -c"));
        Assert.Equal("+", arith.Operator);
        Assert.Equal("*", Assert.IsType<BinaryExpr>(arith.Right).Operator);
        Assert.Equal("is not", Assert.IsType<BinaryExpr>(TorchScriptParser.ParseExpression("x is not None")).Operator);
    }

    [Fact]
    public void ParseExpression_WhenSubscriptsAndSlices_BuildsThem()
    {
        var s = Assert.IsType<SubscriptExpr>(TorchScriptParser.ParseExpression("(t)[1:3]"));
        var slice = Assert.IsType<SliceExpr>(s.Index);
        Assert.Equal(1L, ((ConstantExpr)slice.Start!).Value);
        Assert.Null(slice.Step);
    }

    [Fact]
    public void ParseFile_WhenOldHeaderLines_SkipsThem()
    {
        var file = TorchScriptParser.ParseFile("op_version_set = 1\nimport torch\ndef f(x: Tensor) -> Tensor:\n  return x\n", "code/__torch__.py");

        Assert.Single(file.Functions);
    }

    [Theory]
    [InlineData("def f(x: Tensor) -> Tensor:\n  return (x\n", 2)]
    [InlineData("def f(x: Tensor) -> Tensor:\n  return x\n y = 1\n", 3)]
    [InlineData("class A(Module):\n  x : Tensor\n  def f(self) -> Tensor:\n    return x $ 1\n", 4)]
    public void ParseFile_WhenSyntaxIsWrong_FailsWithMbld2010NamingFileAndLine(string source, int line)
    {
        var ex = Assert.Throws<ModelBuildException>(() => TorchScriptParser.ParseFile(source, "code/__torch__/m.py", "net.pt"));

        Assert.Equal(DiagnosticCode.TorchScriptSyntax, ex.Code);
        Assert.Equal("net.pt", ex.File);
        Assert.StartsWith($"code/__torch__/m.py:{line}: ", ex.Message);
    }
}
