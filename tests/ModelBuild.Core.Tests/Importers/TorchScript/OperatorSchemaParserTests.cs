using ModelBuild.Core.Importers.TorchScript;

namespace ModelBuild.Core.Tests.Importers.TorchScript;

public sealed class OperatorSchemaParserTests
{
    [Fact]
    public void Parse_WhenOverloadHasKeywordOnlyDefault_SplitsNameOverloadAndArguments()
    {
        var s = OperatorSchemaParser.Parse("aten::add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor");

        Assert.Equal("aten", s.Namespace);
        Assert.Equal("add", s.Name);
        Assert.Equal("Tensor", s.Overload);
        Assert.Equal(["self", "other", "alpha"], s.Arguments.Select(a => a.Name));
        Assert.False(s.Arguments[1].IsKeywordOnly);
        Assert.True(s.Arguments[2].IsKeywordOnly);
        Assert.Equal(1L, s.Arguments[2].Default);
        Assert.Equal("Tensor", Assert.Single(s.Returns).Type.Name);
    }

    [Fact]
    public void Parse_WhenListsHaveFixedSizesAndDefaults_KeepsBoth()
    {
        var s = OperatorSchemaParser.Parse("aten::max_pool2d(Tensor self, int[2] kernel_size, int[2] stride=[], int[2] padding=0, int[2] dilation=1, bool ceil_mode=False) -> Tensor");

        var padding = s.Arguments[3];
        Assert.Equal(2, padding.Type.FixedSize);
        Assert.Equal("int", padding.Type.Element!.Name);
        Assert.Equal(new List<object?> { 0L, 0L }, padding.Default);
        Assert.Equal(new List<object?>(), s.Arguments[2].Default);
        Assert.Equal(false, s.Arguments[5].Default);
    }

    [Fact]
    public void Parse_WhenTypesAreOptionalAndAliased_RecordsAnnotations()
    {
        var s = OperatorSchemaParser.Parse("aten::relu_(Tensor(a!) self) -> Tensor(a!)");
        var conv = OperatorSchemaParser.Parse("aten::layer_norm(Tensor input, int[] normalized_shape, Tensor? weight=None, Tensor? bias=None, float eps=1.0000000000000001e-05, bool cudnn_enable=True) -> Tensor");

        Assert.True(s.Arguments[0].Type.IsMutable);
        Assert.Equal("a!", s.Returns[0].Type.Alias);
        Assert.True(conv.Arguments[2].Type.IsOptional);
        Assert.Null(conv.Arguments[2].Default);
        Assert.True(conv.Arguments[2].HasDefault);
        Assert.Equal(1.0000000000000001e-05, conv.Arguments[4].Default);
    }

    [Fact]
    public void Parse_WhenReturnsAreNamedTupleAndContainersAreParameterised_ParsesThem()
    {
        var s = OperatorSchemaParser.Parse("aten::max.dim(Tensor self, int dim, bool keepdim=False) -> (Tensor values, Tensor indices)");
        var d = OperatorSchemaParser.Parse("aten::__getitem__.Dict_str(Dict(str, t) self, str key) -> t(*)");
        var l = OperatorSchemaParser.Parse("aten::append.t(t[](a!) self, t(c -> *) el) -> t[](a!)");
        var f = OperatorSchemaParser.Parse("aten::format(str self, ...) -> str");

        Assert.Equal(["values", "indices"], s.Returns.Select(r => r.Name));
        Assert.Equal(["str", "t"], d.Arguments[0].Type.Parameters!.Select(p => p.Name));
        Assert.Equal("*", d.Returns[0].Type.Alias);
        Assert.True(l.Arguments[0].Type.IsList);
        Assert.True(l.Arguments[0].Type.IsMutable);
        Assert.Single(f.Arguments);
    }

    [Fact]
    public void Parse_WhenPrinted_RoundTripsTheTextOfCommonSchemas()
    {
        const string text = "aten::softmax.int(Tensor self, int dim, ScalarType? dtype=None) -> Tensor";

        Assert.Equal(text, OperatorSchemaParser.Parse(text).ToString());
    }

    [Fact]
    public void Parse_WhenArrowIsMissing_Throws()
    {
        Assert.Throws<FormatException>(() => OperatorSchemaParser.Parse("aten::relu(Tensor self) Tensor"));
    }
}
