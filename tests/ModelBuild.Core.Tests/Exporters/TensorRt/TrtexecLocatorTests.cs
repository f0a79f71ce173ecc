using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Exporters;
using ModelBuild.Core.Exporters.TensorRt;
using ModelBuild.Core.Tests.TestSupport;

namespace ModelBuild.Core.Tests.Exporters.TensorRt;

public sealed class TrtexecLocatorTests
{
    [Fact]
    public void Locate_WhenTrtexecIsOnPath_FindsIt()
    {
        using var fake = new FakeTools();

        var (path, foundBy) = TrtexecLocator.Locate(fake.Environment, null);

        Assert.Equal(fake.Trtexec, path);
        Assert.Equal("PATH", foundBy);
    }

    [Fact]
    public void Locate_WhenTensorRtRootIsSet_FindsItsBinBeforePath()
    {
        using var fake = new FakeTools();
        var root = Path.GetDirectoryName(fake.Bin)!;
        var tools = new ToolEnvironment(n => n switch { "TENSORRT_ROOT" => root, "PATH" => "/nowhere", _ => null }, []);

        var (path, foundBy) = TrtexecLocator.Locate(tools, null);

        Assert.Equal(fake.Trtexec, path);
        Assert.Equal("TENSORRT_ROOT", foundBy);
    }

    [Fact]
    public void Locate_WhenOnlyAWellKnownVersionedFolderHasIt_ExpandsTheWildcard()
    {
        using var fake = new FakeTools();
        var parent = Path.GetDirectoryName(fake.Bin)!;
        var versioned = Directory.CreateDirectory(Path.Combine(parent, "TensorRT-10.3.0.26", "bin")).FullName;
        File.Copy(fake.Trtexec, Path.Combine(versioned, "trtexec"));
        var tools = new ToolEnvironment(_ => null, [Path.Combine(parent, "TensorRT*", "bin")]);

        var (path, foundBy) = TrtexecLocator.Locate(tools, null);

        Assert.Equal(Path.Combine(versioned, "trtexec"), path);
        Assert.Equal("well-known folder", foundBy);
    }

    [Fact]
    public void Locate_WhenNowhere_ReturnsNullAndTheSearchedPlaces()
    {
        var tools = new ToolEnvironment(n => n == "PATH" ? "/nowhere" : null, ["/also/nowhere"]);

        var (path, searched) = TrtexecLocator.Locate(tools, null);

        Assert.Null(path);
        Assert.Contains("TENSORRT_ROOT/bin", searched);
        Assert.Contains("PATH", searched);
        Assert.Contains("/also/nowhere", searched);
    }

    [Fact]
    public void Locate_WhenTheExplicitPathIsMissing_ThrowsFileNotFound()
    {
        var ex = Assert.Throws<ModelBuildException>(() => TrtexecLocator.Locate(ToolEnvironment.Current, "/no/such/trtexec"));

        Assert.Equal(DiagnosticCode.FileNotFound, ex.Code);
    }
}
