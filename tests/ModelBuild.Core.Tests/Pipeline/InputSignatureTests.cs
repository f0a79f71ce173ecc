using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Pipeline;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Tests.Pipeline;

public sealed class InputSignatureTests
{
    [Fact]
    public void Parse_WhenDimsMixNumbersAndNames_KeepsNamesSymbolic()
    {
        var signature = InputSignature.Parse("x: float32[batch,3,224,224]");

        Assert.Equal("x", signature.Name);
        Assert.Equal(DataType.Float32, signature.ElementType);
        Assert.Equal(new[] { Dim.Named("batch"), Dim.Fixed(3), Dim.Fixed(224), Dim.Fixed(224) }, signature.Shape.Dims);
    }

    [Fact]
    public void ParseMany_WhenSeparatedBySemicolons_ParsesEach()
    {
        var signatures = InputSignature.ParseMany("ids: int64[batch,seq]; mask: bool[batch,seq]");

        Assert.Equal(["ids", "mask"], signatures.Select(s => s.Name));
        Assert.Equal(DataType.Bool, signatures[1].ElementType);
    }

    [Fact]
    public void Parse_WhenScalar_HasRankZero() => Assert.Equal(0, InputSignature.Parse("t: float64[]").Shape.Rank);

    [Theory]
    [InlineData("x float32[1]")]
    [InlineData("x: float32")]
    [InlineData("x: complex[1]")]
    [InlineData("x: float32[0]")]
    [InlineData("x: float32[-1]")]
    [InlineData("x: float32[1,,2]")]
    [InlineData(": float32[1]")]
    [InlineData("x: float32[1] trailing")]
    public void Parse_WhenMalformed_ThrowsInvalidSignature(string text)
    {
        var e = Assert.Throws<ModelBuildException>(() => InputSignature.Parse(text));

        Assert.Equal(DiagnosticCode.InvalidSignature, e.Code);
        Assert.Contains(text, e.Message);
    }
}
