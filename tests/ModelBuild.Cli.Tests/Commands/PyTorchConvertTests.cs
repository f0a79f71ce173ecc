using System.Text;

namespace ModelBuild.Cli.Tests.Commands;

/// <summary>convert with PyTorch sources: state_dicts bind into an ONNX template; hostile files exit 2 writing nothing.</summary>
public sealed class PyTorchConvertTests
{
    [Theory]
    [InlineData("finetuned.state_dict.pt")]
    [InlineData("finetuned.legacy.pt")]
    [InlineData("finetuned.checkpoint.pt")]
    public void Convert_WhenStateDictWithOnnxTemplate_PassesTheGate(string source)
    {
        using var temp = new TempFolder();
        var output = temp.File("out.onnx");

        var result = CliRunner.Run("convert", CliRunner.Fixture($"finetune/{source}"), "--architecture", CliRunner.Fixture("finetune/template.onnx"),
            "--reference", CliRunner.Fixture("finetune/finetuned.ref.npz"), "-o", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(output));
    }

    [Theory]
    [InlineData("finetuned.module.pt", "MBLD2003", "__main__.SmallClassifier")]
    public void Convert_WhenNotAStateDict_ExitsThreeSayingWhatToSave(string source, string code, string text)
    {
        using var temp = new TempFolder();

        var result = CliRunner.Run("convert", CliRunner.Fixture($"finetune/{source}"), "--architecture", CliRunner.Fixture("finetune/template.onnx"), "-o", temp.File("out.onnx"));

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"error {code}", result.Stderr);
        Assert.Contains(text, result.Stderr);
        Assert.Empty(temp.Entries());
    }

    public static TheoryData<string, string> HostilePickles() => new()
    {
        { "os-system", "MBLD1152" },
        { "builtins-eval", "MBLD1152" },
        { "subprocess-popen", "MBLD1152" },
        { "stack-global-posix-system", "MBLD1152" },
        { "memo-out-of-range", "MBLD1151" },
        { "deep-nesting", "MBLD1153" },
        { "huge-binbytes", "MBLD1153" },
    };

    [Theory]
    [MemberData(nameof(HostilePickles))]
    public void Convert_WhenPickleIsHostile_ExitsTwoNamingFileAndProblemAndWritesNothing(string kind, string code)
    {
        using var temp = new TempFolder();
        var source = temp.File($"{kind}.pt");
        var marker = temp.File("pwned");
        File.WriteAllBytes(source, ZipWithPickle(MakePickle(kind, marker)));
        var output = Path.Combine(temp.Path, "out");

        var result = CliRunner.Run("convert", source, "--architecture", CliRunner.Fixture("finetune/template.onnx"), "-o", Path.Combine(output, "model.onnx"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith($"{source}: error {code}:", result.Stderr);
        Assert.False(File.Exists(marker), "the pickle's payload ran");
        Assert.False(Directory.Exists(output), "output left behind");
    }

    [Fact]
    public void Convert_WhenArchiveTruncatedOrFlipped_ExitsTwoOrConvertsNeverCrashing()
    {
        var original = File.ReadAllBytes(CliRunner.Fixture("finetune/finetuned.state_dict.pt"));
        using var temp = new TempFolder();
        var random = new Random(42);
        for (int round = 0; round < 40; round++)
        {
            var bytes = round % 2 == 0 ? original[..random.Next(original.Length)] : (byte[])original.Clone();
            if (round % 2 == 1) bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
            var source = temp.File($"damaged{round}.pt");
            File.WriteAllBytes(source, bytes);

            var result = CliRunner.Run("convert", source, "--architecture", CliRunner.Fixture("finetune/template.onnx"), "-o", temp.File($"out{round}/model.onnx"), "--no-verify");

            if (round % 2 == 0) Assert.True(result.ExitCode == 2 && result.Stderr.StartsWith($"{source}: error MBLD1"), result.ToString());
            else Assert.True(result.ExitCode is 0 or 2 && !result.Stderr.Contains("MBLD9001"), result.ToString());
        }
    }

    private static byte[] MakePickle(string kind, string marker)
    {
        var p = new List<byte> { 0x80, 0x02 };
        void Global(string m, string n) => p.AddRange(Encoding.ASCII.GetBytes($"c{m}\n{n}\n"));
        void Str(string s) { p.Add((byte)'X'); p.AddRange(BitConverter.GetBytes(s.Length)); p.AddRange(Encoding.UTF8.GetBytes(s)); }
        void Call(string arg) { p.Add((byte)'('); Str(arg); p.Add((byte)'t'); p.Add((byte)'R'); }
        switch (kind)
        {
            case "os-system": Global("os", "system"); Call($"touch {marker}"); break;
            case "builtins-eval": Global("builtins", "eval"); Call($"open('{marker}','w')"); break;
            case "subprocess-popen": Global("subprocess", "Popen"); Call($"touch {marker}"); break;
            case "stack-global-posix-system":
                Str("posix"); Str("system"); p.Add(0x93); Call($"touch {marker}"); break;
            case "memo-out-of-range": p.AddRange([(byte)'j', 0xFF, 0xFF, 0xFF, 0x0F]); break;
            case "deep-nesting": for (int i = 0; i < 100_000; i++) p.Add((byte)'('); break;
            case "huge-binbytes": p.Add((byte)'B'); p.AddRange(BitConverter.GetBytes(int.MaxValue)); p.AddRange(new byte[16]); break;
        }
        p.Add((byte)'.');
        return p.ToArray();
    }

    private static byte[] ZipWithPickle(byte[] pickle)
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var s = zip.CreateEntry("hostile/data.pkl", System.IO.Compression.CompressionLevel.NoCompression).Open()) s.Write(pickle);
            using (var s = zip.CreateEntry("hostile/version", System.IO.Compression.CompressionLevel.NoCompression).Open()) s.Write("3\n"u8);
        }
        return buffer.ToArray();
    }
}
