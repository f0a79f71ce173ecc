namespace ModelBuild.Cli.Tests.Commands;

/// <summary><c>--fp16-weights</c>: half-size tflite and openvino artifacts, checked at the fp16 tolerance.</summary>
public sealed class Fp16WeightsTests
{
    [Fact]
    public void Convert_WhenFp16WeightsAsked_WritesSmallerTargetsThatStillPassTheirChecks()
    {
        using var temp = new TempFolder();
        string[] Args(string folder, bool fp16) =>
        [
            "convert", CliRunner.Fixture("cnn/cnn.onnx"), "-o", temp.File(folder) + "/", "--targets", "onnx,tflite,openvino",
            "--reference", CliRunner.Fixture("cnn/cnn.ref.npz"), .. (fp16 ? new[] { "--fp16-weights" } : []),
        ];

        var full = CliRunner.Run(Args("fp32", fp16: false));
        var half = CliRunner.Run(Args("fp16", fp16: true));

        Assert.True(full.ExitCode == 0, full.ToString());
        Assert.True(half.ExitCode == 0, half.ToString());
        Assert.True(new FileInfo(temp.File("fp16/cnn.bin")).Length < new FileInfo(temp.File("fp32/cnn.bin")).Length * 0.6);
        Assert.True(new FileInfo(temp.File("fp16/cnn.tflite")).Length < new FileInfo(temp.File("fp32/cnn.tflite")).Length);
        Assert.Matches(@"\| openvino \| verified", half.Stdout);
        // The ONNX artifact itself is untouched: the gate against PyTorch still holds at fp32.
        Assert.Equal(File.ReadAllBytes(temp.File("fp32/cnn.onnx")), File.ReadAllBytes(temp.File("fp16/cnn.onnx")));
    }
}
