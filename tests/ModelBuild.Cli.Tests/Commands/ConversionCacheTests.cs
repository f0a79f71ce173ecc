namespace ModelBuild.Cli.Tests.Commands;

/// <summary>The conversion cache (<c>--cache-dir</c>) through the command, on a PyTorch-made fixture.</summary>
public sealed class ConversionCacheTests
{
    [Fact]
    public void Convert_WhenTheSameRequestRunsTwice_RestoresTheSameBytesAndTouchesThem()
    {
        using var temp = new TempFolder();
        var cache = temp.File("cache");
        var first = CliRunner.Run(Args(temp.File("a/cnn.onnx"), cache));
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.DoesNotContain("Restored from the conversion cache", first.Stdout);
        var before = DateTime.UtcNow;

        var second = CliRunner.Run(Args(temp.File("b/cnn.onnx"), cache, temp.File("b/report.json")));

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("Restored from the conversion cache", second.Stdout);
        Assert.Equal(File.ReadAllBytes(temp.File("a/cnn.onnx")), File.ReadAllBytes(temp.File("b/cnn.onnx")));
        Assert.True(File.GetLastWriteTimeUtc(temp.File("b/cnn.onnx")) >= before.AddSeconds(-1), "a restored artifact must not look older than its inputs");
        Assert.Contains("\"passed\": true", File.ReadAllText(temp.File("b/report.json")));
    }

    [Fact]
    public void Convert_WhenAnOptionChanges_MissesTheCache()
    {
        using var temp = new TempFolder();
        var cache = temp.File("cache");
        Assert.Equal(0, CliRunner.Run(Args(temp.File("a/cnn.onnx"), cache)).ExitCode);

        var changed = CliRunner.Run([.. Args(temp.File("b/cnn.onnx"), cache), "--atol", "1e-4"]);

        Assert.True(changed.ExitCode == 0, changed.ToString());
        Assert.DoesNotContain("Restored from the conversion cache", changed.Stdout);
        Assert.Equal(2, Directory.GetDirectories(Path.Combine(cache, "conversions")).Length);
    }

    [Fact]
    public void Convert_WhenACachedFileIsDamaged_ConvertsAgainInsteadOfServingIt()
    {
        using var temp = new TempFolder();
        var cache = temp.File("cache");
        Assert.Equal(0, CliRunner.Run(Args(temp.File("a/cnn.onnx"), cache)).ExitCode);
        var stored = Directory.GetFiles(Path.Combine(cache, "conversions"), "cnn.onnx", SearchOption.AllDirectories).Single();
        var bytes = File.ReadAllBytes(stored);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(stored, bytes);

        var again = CliRunner.Run(Args(temp.File("b/cnn.onnx"), cache));

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.DoesNotContain("Restored from the conversion cache", again.Stdout);
        Assert.Equal(File.ReadAllBytes(temp.File("a/cnn.onnx")), File.ReadAllBytes(temp.File("b/cnn.onnx")));
    }

    [Fact]
    public void Convert_WhenTheGateFails_StoresNothing()
    {
        using var temp = new TempFolder();
        var cache = temp.File("cache");

        var failed = CliRunner.Run("convert", CliRunner.Fixture("finetune/template.onnx"), "-o", temp.File("out.onnx"),
            "--reference", CliRunner.Fixture("finetune/finetuned.ref.npz"), "--cache-dir", cache);

        Assert.Equal(1, failed.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(cache, "conversions")) && Directory.EnumerateFileSystemEntries(Path.Combine(cache, "conversions")).Any());
    }

    private static string[] Args(string output, string cache, string? report = null)
    {
        var args = new List<string> { "convert", CliRunner.Fixture("cnn/cnn.onnx"), "-o", output, "--reference", CliRunner.Fixture("cnn/cnn.ref.npz"), "--cache-dir", cache };
        if (report is not null) args.AddRange(["--report", report]);
        return [.. args];
    }
}
