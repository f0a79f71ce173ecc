using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Importers.TorchScript;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Tests.Importers.TorchScript;

public sealed class OverloadResolverTests
{
    private static readonly SourceLocation Where = new("code/__torch__.py", 3);
    private static readonly TensorValue X = new("x", DataType.Float32, [2, 3]);

    private static BoundCall Bind(string op, object?[] args, params (string, object?)[] keywords) =>
        OverloadResolver.Bind(SchemaRegistry.Default.Overloads(op), args, keywords.Select(k => new KeyValuePair<string, object?>(k.Item1, k.Item2)).ToList(), Where, "m.pt");

    [Fact]
    public void Bind_WhenArgumentsAreInts_ChoosesTheIntOverload() =>
        Assert.Equal("aten::add.int", Bind("aten::add", [1L, 2L]).Schema.FullName);

    [Fact]
    public void Bind_WhenOtherIsAFloat_ChoosesTheScalarOverload() =>
        Assert.Equal("aten::add.Scalar", Bind("aten::add", [X, 1.0]).Schema.FullName);

    [Fact]
    public void Bind_WhenBothAreTensors_ChoosesTheTensorOverloadAndFillsKeywordOnlyAlpha()
    {
        var call = Bind("aten::add", [X, X]);

        Assert.Equal("aten::add.Tensor", call.Schema.FullName);
        Assert.Equal(1L, call["alpha"]);
    }

    [Fact]
    public void Bind_WhenTrailingDefaultsAreDropped_FillsThemFromTheSchema()
    {
        var call = Bind("aten::layer_norm", [X, new List<object?> { 3L }, null, null]);

        Assert.Equal(1.0000000000000001e-05, call.Double("eps"));
        Assert.True(call.Bool("cudnn_enable"));
    }

    [Fact]
    public void Bind_WhenSizeHasADim_ChoosesSizeInt()
    {
        Assert.Equal("aten::size", Bind("aten::size", [X]).Schema.FullName);
        Assert.Equal("aten::size.int", Bind("aten::size", [X, 0L]).Schema.FullName);
    }

    [Fact]
    public void Bind_WhenKeywordSelectsTheOverload_ChoosesTheModeOverload() =>
        Assert.Equal("aten::div.Tensor_mode", Bind("aten::div", [X, X], ("rounding_mode", "trunc")).Schema.FullName);

    [Fact]
    public void Bind_WhenAFixedListGetsAnInt_RepeatsIt()
    {
        var call = Bind("aten::max_pool2d", [X, new List<object?> { 2L, 2L }, new List<object?>(), 1L]);

        Assert.Equal([1L, 1L], call.Ints("padding"));
    }

    [Fact]
    public void Bind_WhenNothingFits_FailsWithMbld2012ListingTypes()
    {
        var ex = Assert.Throws<ModelBuildException>(() => Bind("aten::relu", ["text"]));

        Assert.Equal(DiagnosticCode.TorchScriptNoOverload, ex.Code);
        Assert.Contains("code/__torch__.py:3", ex.Message);
        Assert.Contains("(str)", ex.Message);
    }
}
