using ModelBuild.Tasks.Locking;

namespace ModelBuild.Tasks.Tests.Locking;

public sealed class ConverterVersionRangeTests
{
    [Theory]
    [InlineData("[1.4,1.5)", "1.4.0", "1.4.3", true)]
    [InlineData("[1.4,1.5)", "1.4.2", "1.5.0", false)]
    [InlineData("[1.4,1.5)", "1.3.9", "1.4.0", false)]
    [InlineData("[1.4,1.5)", "1.4.0", "1.4.1-beta.2", true)] // NuGet's rule: a range admits prereleases inside its bounds
    [InlineData("1.4", "1.4.0", "2.0.0", true)]
    [InlineData("", "1.4.0", "1.4.1", false)]
    [InlineData("[1.4,1.5)", "", "1.4.1", false)]
    public void Accepts_OnlyWhenBothVersionsAreInTheRange(string range, string locked, string current, bool accepted) =>
        Assert.Equal(accepted, ConverterVersionRange.Accepts(range, locked, current));

    [Fact]
    public void Validate_RejectsWhatNuGetCannotParse()
    {
        Assert.Null(ConverterVersionRange.Validate("[1.4,1.5)"));
        Assert.Null(ConverterVersionRange.Validate(""));
        Assert.Contains("not a NuGet version range", ConverterVersionRange.Validate("[1.4"));
    }

    [Fact]
    public void Compare_WhenConverterChangedInsideTheRange_ReportsOnlyArtifactChanges()
    {
        var locked = new ModelLockEntry { Source = "m.onnx", Converter = "1.4.0" };
        locked.Artifacts["m.onnx"] = new LockedArtifact("onnx", "aa", 1);
        var same = new ModelLockEntry { Source = "m.onnx", Converter = "1.4.2", ConverterVersions = "[1.4,1.5)" };
        same.Artifacts["m.onnx"] = new LockedArtifact("onnx", "aa", 1);
        var changed = new ModelLockEntry { Source = "m.onnx", Converter = "1.4.2", ConverterVersions = "[1.4,1.5)" };
        changed.Artifacts["m.onnx"] = new LockedArtifact("onnx", "bb", 1);
        var outside = new ModelLockEntry { Source = "m.onnx", Converter = "1.5.0", ConverterVersions = "[1.4,1.5)" };
        outside.Artifacts["m.onnx"] = new LockedArtifact("onnx", "aa", 1);

        Assert.Empty(ModelLockComparer.Compare(locked, same));
        Assert.Equal(["MBLD4004"], ModelLockComparer.Compare(locked, changed).Select(p => p.Code.Id));
        Assert.Equal(["MBLD4005"], ModelLockComparer.Compare(locked, outside).Select(p => p.Code.Id));
    }
}
