using System.Diagnostics;

namespace ModelBuild.Cli.Tests;

/// <summary>
/// The command as a separate process, the way the MSBuild task runs it: exit codes leave through Main, the
/// native ONNX Runtime library loads from the tool's own folder, and diagnostics arrive on stderr.
/// </summary>
public sealed class ProcessTests
{
    [Fact]
    public void Verify_WhenRunAsAProcess_ExitsZeroOnAMatchingReference()
    {
        var (exit, _, stderr) = Run("verify", CliRunner.Fixture("mlp/mlp.onnx"), "--reference", CliRunner.Fixture("mlp/mlp.ref.npz"));

        Assert.True(exit == 0, stderr);
    }

    [Fact]
    public void Convert_WhenRunAsAProcessOnAMissingFile_ExitsTwoWithACanonicalLine()
    {
        var (exit, stdout, stderr) = Run("convert", "no-such-model.onnx", "-o", Path.Combine(Path.GetTempPath(), "never.onnx"));

        Assert.Equal(2, exit);
        Assert.Equal("no-such-model.onnx: error MBLD1002: the file does not exist", stderr.Trim());
        Assert.Equal("", stdout);
    }

    [Theory]
    [InlineData("torchscript/cnn_traced.pt", "x: float32[2,3,8,8]")]
    [InlineData("cnn/cnn.onnx", null)]
    public void Convert_WhenRunTwiceInSeparateProcesses_WritesByteIdenticalOrtFiles(string model, string? input)
    {
        // ONNX Runtime seeds its hash maps per process: only two processes show whether the .ort depends on them.
        var first = ConvertToOrt(model, input);
        var second = ConvertToOrt(model, input);

        Assert.Equal(first, second);
    }

    private static byte[] ConvertToOrt(string model, string? input)
    {
        var output = Path.Combine(Path.GetTempPath(), "modelbuild-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var args = new List<string> { "convert", CliRunner.Fixture(model), "--targets", "onnx;ort", "--reference", "none", "-o", output };
            if (input is not null) args.AddRange(["--input", input]);
            var (exit, _, stderr) = Run([.. args]);
            Assert.True(exit == 0, stderr);
            return File.ReadAllBytes(Path.Combine(output, Path.GetFileNameWithoutExtension(model) + ".ort"));
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }

    private static (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "modelbuild.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "modelbuild did not exit within 2 minutes");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
