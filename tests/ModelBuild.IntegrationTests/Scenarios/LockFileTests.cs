namespace ModelBuild.IntegrationTests.Scenarios;

/// <summary>models.lock.json: written in ordinary builds, enforced in locked mode, accepted with ModelBuildUpdateLock.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class LockFileTests(PackageFeedFixture feed)
{
    private const string Locked = "-p:ContinuousIntegrationBuild=true";

    [Fact]
    public void Build_WhenLockedAndModelDrifts_FailsUntilTheLockIsUpdated()
    {
        var project = ConsumerProject.Create(feed, "locked")
            .Model("models/net.onnx", "mlp/mlp.onnx")
            .Item("<ModelAsset Include=\"models/net.onnx\" />")
            .Save();
        var lockFile = Path.Combine(project.Directory, "models.lock.json");

        var developer = project.Build();
        Assert.True(developer.Succeeded, developer.ToString());
        var written = File.ReadAllText(lockFile);
        Assert.Contains("\"models/net.onnx\"", written);

        var ci = project.Build(Locked);
        Assert.True(ci.Succeeded, ci.ToString());
        Assert.Equal(written, File.ReadAllText(lockFile));

        // The model file is replaced by another one: the source and the artifact drift.
        project.Model("models/net.onnx", "cnn/cnn.onnx");
        var drifted = project.Build(Locked);
        Assert.False(drifted.Succeeded);
        Assert.NotEqual(0, drifted.Result.ExitCode);
        Assert.Equal(["MBLD4002", "MBLD4004"], drifted.ErrorCodes.Order(StringComparer.Ordinal));
        Assert.All(drifted.Errors, e =>
        {
            Assert.Equal(lockFile, e.File);
            Assert.Contains("-p:ModelBuildUpdateLock=true", e.Text);
        });
        Assert.Equal(written, File.ReadAllText(lockFile));

        var accepted = project.Build(Locked, "-p:ModelBuildUpdateLock=true");
        Assert.True(accepted.Succeeded, accepted.ToString());
        Assert.NotEqual(written, File.ReadAllText(lockFile));
        Assert.True(project.Build(Locked).Succeeded);
    }

    [Fact]
    public void Build_WhenLockedWithoutLockFile_FailsWithMbld4001()
    {
        var project = ConsumerProject.Create(feed, "nolock")
            .Model("models/net.onnx", "mlp/mlp.onnx")
            .Item("<ModelAsset Include=\"models/net.onnx\" Opset=\"17\" />")
            .Save();

        var build = project.Build(Locked);

        Assert.False(build.Succeeded);
        Assert.Equal(["MBLD4001"], build.ErrorCodes);
        Assert.False(File.Exists(Path.Combine(project.Directory, "models.lock.json")));
    }
}
