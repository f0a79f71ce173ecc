namespace ModelBuild.Tasks.Tests;

public sealed class InputsSyntaxTests
{
    [Fact]
    public void TryParse_WhenSeveralSignatures_ReturnsNamesTypesAndDims()
    {
        Assert.True(InputsSyntax.TryParse("x: float[batch,3,224,224]; mask: bool[batch, 7]", out var signatures, out _));

        Assert.Equal(["x", "mask"], signatures.Select(s => s.Name));
        Assert.Equal(["float32", "bool"], signatures.Select(s => s.ElementType));
        Assert.Equal(["batch", "3", "224", "224"], signatures[0].Shape);
    }

    [Theory]
    [InlineData("x float32[1,2]", "expected 'name: dtype[dims]'")]
    [InlineData("x: complex[1]", "unknown dtype 'complex'")]
    [InlineData("x: float32[0]", "dimension 0 must be positive")]
    [InlineData("x: float32[1,-]", "dimension '-' is neither")]
    [InlineData("x: float32[1]; x: float32[2]", "declared twice")]
    public void TryParse_WhenMalformed_SaysWhatIsWrong(string text, string expected)
    {
        Assert.False(InputsSyntax.TryParse(text, out _, out var error));
        Assert.Contains(expected, error);
    }
}
