using ModelBuild.Core.Exporters.TfLite;
using ModelBuild.Core.Tests.TestSupport;
using static ModelBuild.Core.Tests.Exporters.TfLite.TfLiteTestGraph;

namespace ModelBuild.Core.Tests.Exporters.TfLite;

/// <summary>Which layouts a RESHAPE runs in (<see cref="TfLiteReshapeLayout"/>), and what that saves in written files.</summary>
public sealed class TfLiteReshapeLayoutTests
{
    private static readonly int[] Nhwc = [0, 2, 3, 1];

    [Fact]
    public void Plan_WhenNhwcValueMergesHeightAndWidth_KeepsTheLayoutAndPutsChannelsLast()
    {
        var (input, output) = TfLiteReshapeLayout.Plan([2, 6, 4, 4], Nhwc, [2, 6, 16]);

        Assert.Equal(Nhwc, input);
        Assert.Equal([0, 2, 1], output);
    }

    [Fact]
    public void Plan_WhenNhwcValueIsFlattened_BringsItToOnnxOrder()
    {
        var (input, output) = TfLiteReshapeLayout.Plan([2, 6, 4, 4], Nhwc, [2, 96]);

        Assert.Equal([0, 1, 2, 3], input);
        Assert.Equal([0, 1], output);
    }

    [Fact]
    public void Plan_WhenOnlySizeOneDimsMove_NeedsNoTranspose()
    {
        var (input, output) = TfLiteReshapeLayout.Plan([1, 6, 1, 1], Nhwc, [1, 6]);

        Assert.Equal(Nhwc, input);
        Assert.Equal([0, 1], output);
    }

    [Fact]
    public void Plan_WhenChannelShuffleSplitsNhwcChannels_SplitsThemInPlace()
    {
        var (input, output) = TfLiteReshapeLayout.Plan([1, 8, 4, 4], Nhwc, [1, 2, 4, 4, 4]);

        Assert.Equal(Nhwc, input);
        Assert.Equal([0, 3, 4, 1, 2], output);
    }

    [Fact]
    public void Plan_WhenGroupIsOutOfOrder_TransposesOnlyWithinIt()
    {
        // After the shuffle's Transpose(0,2,1,3,4) the value is [N,C/2,2,H,W] laid out as [N,H,W,2,C/2].
        var (input, output) = TfLiteReshapeLayout.Plan([1, 4, 2, 4, 4], [0, 3, 4, 2, 1], [1, 8, 4, 4]);

        Assert.Equal([0, 3, 4, 1, 2], input);
        Assert.Equal(Nhwc, output);
    }

    [Fact]
    public void Plan_WhenInputIsInOnnxOrder_OutputIsInOnnxOrder()
    {
        var (input, output) = TfLiteReshapeLayout.Plan([2, 5, 8], [0, 1, 2], [2, 5, 2, 4]);

        Assert.Equal([0, 1, 2], input);
        Assert.Equal([0, 1, 2, 3], output);
    }

    [Fact]
    public void Write_WhenConvPatchesBecomeTokens_OnlyTheGraphInputIsTransposed()
    {
        using var temp = new TempDirectory();
        var g = new TfLiteTestGraph();
        var patches = g.Op("Conv", [g.Input("x", 1, 3, 8, 8), g.Weight(6, 3, 2, 2)], A("strides", 2, 2));
        var tokens = g.Op("Transpose", [g.Op("Reshape", [patches, g.Ints(1, 6, 16)])], A("perm", 0, 2, 1));
        g.Output(g.Op("Add", [g.Op("MatMul", [tokens, g.Weight(6, 5)]), g.Weight(5)]));

        var result = TfLiteWriter.Write(g.Model, temp.File("tokens.tflite"));

        Assert.Equal(["TRANSPOSE", "CONV_2D", "RESHAPE", "FULLY_CONNECTED"], result.Operators);
    }
}
