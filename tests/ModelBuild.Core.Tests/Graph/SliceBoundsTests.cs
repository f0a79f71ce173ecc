using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Tests.Graph;

public sealed class SliceBoundsTests
{
    [Fact]
    public void Resolve_WhenEndIsInt64MaxAndAxisNegative_ClampsToTheDim()
    {
        var b = SliceBounds.Resolve([8, 1, 96], [64], [long.MaxValue], [-1], null);
        Assert.Equal([0L, 0, 64], b.Begin);
        Assert.Equal([8L, 1, 32], b.Size);
        Assert.True(b.Contiguous);
    }

    [Fact]
    public void Resolve_WhenNegativeStartAndStep2_CountsFromTheEndAndRoundsUp()
    {
        var b = SliceBounds.Resolve([10], [-7], [10], null, [2]);
        Assert.Equal([3L], b.Begin);
        Assert.Equal([4L], b.Size); // 3,5,7,9
        Assert.False(b.Contiguous);
    }

    [Fact]
    public void Resolve_WhenNegativeStep_WalksBackwards()
    {
        var b = SliceBounds.Resolve([5], [-1], [long.MinValue], null, [-1]);
        Assert.Equal([4L], b.Begin);
        Assert.Equal([5L], b.Size);
    }

    [Fact]
    public void Resolve_WhenStepIsZero_Throws() =>
        Assert.Throws<ArgumentException>(() => SliceBounds.Resolve([5], [0], [5], null, [0]));
}
