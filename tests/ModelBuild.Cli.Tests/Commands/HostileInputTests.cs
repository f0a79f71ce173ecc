using System.Buffers.Binary;
using System.Text;
using Google.Protobuf;
using ModelBuild.Core.Onnx.Proto;

namespace ModelBuild.Cli.Tests.Commands;

/// <summary>
/// Broken and malicious files through the whole command: each must exit 2 with an MBLD code naming the file
/// and the problem, write nothing, and neither crash nor hang nor allocate what a header claims.
/// </summary>
public sealed class HostileInputTests
{
    public static TheoryData<string, string> SafetensorsCases() => new()
    {
        { "truncated-in-length", "MBLD1101" },
        { "truncated-in-header", "MBLD1101" },
        { "truncated-in-data", "MBLD1102" },
        { "header-length-beyond-file", "MBLD1101" },
        { "header-length-2^62", "MBLD1101" },
        { "overlapping-offsets", "MBLD1102" },
        { "offset-out-of-range", "MBLD1102" },
        { "unknown-dtype", "MBLD1103" },
        { "shape-byte-mismatch", "MBLD1104" },
        { "malformed-json", "MBLD1101" },
    };

    [Theory]
    [MemberData(nameof(SafetensorsCases))]
    public void Convert_WhenSafetensorsIsHostile_ExitsTwoWithCodeNamingTheFileAndWritesNothing(string kind, string code)
    {
        using var temp = new TempFolder();
        var source = temp.File($"{kind}.safetensors");
        File.WriteAllBytes(source, MakeSafetensors(kind));
        var output = Path.Combine(temp.Path, "out");

        var result = RunBounded("convert", source, "-o", Path.Combine(output, "model.onnx"), "--architecture", CliRunner.Fixture("finetune/template.onnx"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith($"{source}: error {code}:", result.Stderr);
        Assert.False(Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any(), "output left behind");
        Assert.Equal(0, CountExceptionTraces(result));
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.999)]
    public void Convert_WhenOnnxIsTruncated_ExitsTwoWithOnnxCode(double keep)
    {
        using var temp = new TempFolder();
        var bytes = File.ReadAllBytes(CliRunner.Fixture("cnn/cnn.onnx"));
        var source = temp.File("truncated.onnx");
        File.WriteAllBytes(source, bytes[..(int)(bytes.Length * keep)]);

        var result = RunBounded("convert", source, "-o", temp.File("out/model.onnx"), "--no-verify");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith($"{source}: error MBLD1120:", result.Stderr);
        Assert.False(Directory.Exists(temp.File("out")) && Directory.EnumerateFileSystemEntries(temp.File("out")).Any());
    }

    [Fact]
    public void Convert_WhenOnnxGraphHasACycle_ExitsTwoNamingTheCycle()
    {
        using var temp = new TempFolder();
        var source = temp.File("cycle.onnx");
        File.WriteAllBytes(source, CyclicModel().ToByteArray());

        var result = RunBounded("convert", source, "-o", temp.File("out/model.onnx"), "--no-verify");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith($"{source}: error MBLD1122:", result.Stderr);
        Assert.Contains("cycle", result.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Inspect_WhenFileIsRandomBytes_ExitsTwo()
    {
        using var temp = new TempFolder();
        var source = temp.File("noise.onnx");
        var noise = new byte[4096];
        new Random(7).NextBytes(noise);
        File.WriteAllBytes(source, noise);

        var result = RunBounded("inspect", source);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"{source}: error MBLD", result.Stderr);
    }

    private static CliRunner.Result RunBounded(params string[] args)
    {
        // A reader that loops or allocates without bound must fail the test, not stall the suite.
        var run = Task.Run(() => CliRunner.Run(args));
        Assert.True(run.Wait(TimeSpan.FromSeconds(60)), "the command did not finish within 60 s");
        return run.Result;
    }

    private static int CountExceptionTraces(CliRunner.Result result) =>
        (result.Stdout + result.Stderr).Split('\n').Count(l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));

    private static byte[] MakeSafetensors(string kind)
    {
        // conv.weight [4,1,3,3] f32 = 144 bytes; a valid base that each case breaks in one way.
        string header = kind switch
        {
            "overlapping-offsets" => """{"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]},"b":{"dtype":"F32","shape":[4],"data_offsets":[8,24]}}""",
            "offset-out-of-range" => """{"a":{"dtype":"F32","shape":[64],"data_offsets":[0,256]}}""",
            "unknown-dtype" => """{"a":{"dtype":"Q7","shape":[4],"data_offsets":[0,16]}}""",
            "shape-byte-mismatch" => """{"a":{"dtype":"F32","shape":[5],"data_offsets":[0,16]}}""",
            "malformed-json" => """{"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]""",
            _ => """{"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}""",
        };
        var headerBytes = Encoding.UTF8.GetBytes(header);
        int dataLength = kind == "overlapping-offsets" ? 24 : 16;
        var file = new byte[8 + headerBytes.Length + dataLength];
        BinaryPrimitives.WriteUInt64LittleEndian(file, (ulong)headerBytes.Length);
        headerBytes.CopyTo(file, 8);
        return kind switch
        {
            "truncated-in-length" => file[..5],
            "truncated-in-header" => file[..(8 + headerBytes.Length / 2)],
            "truncated-in-data" => file[..(file.Length - 5)],
            "header-length-beyond-file" => WithLength(file, (ulong)headerBytes.Length + 1000),
            "header-length-2^62" => WithLength(file, 1UL << 62),
            _ => file,
        };
    }

    private static byte[] WithLength(byte[] file, ulong length)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(file, length);
        return file;
    }

    private static ModelProto CyclicModel()
    {
        // a = Relu(b); b = Relu(a): no order of the two nodes defines both inputs first.
        var tensorType = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = 1, Shape = new TensorShapeProto { Dim = { new TensorShapeProto.Types.Dimension { DimValue = 1 } } } } };
        var graph = new GraphProto
        {
            Name = "cycle",
            Input = { new ValueInfoProto { Name = "x", Type = tensorType } },
            Output = { new ValueInfoProto { Name = "b", Type = tensorType } },
            Node =
            {
                new NodeProto { Name = "first", OpType = "Add", Input = { "x", "b" }, Output = { "a" } },
                new NodeProto { Name = "second", OpType = "Relu", Input = { "a" }, Output = { "b" } },
            },
        };
        return new ModelProto { IrVersion = 8, Graph = graph, OpsetImport = { new OperatorSetIdProto { Domain = "", Version = 17 } } };
    }
}
