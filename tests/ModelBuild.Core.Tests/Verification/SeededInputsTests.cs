using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;
using ModelBuild.Core.Verification;

namespace ModelBuild.Core.Tests.Verification;

public class SeededInputsTests
{
    private static readonly ValueInfo[] Inputs =
    [
        new("x", DataType.Float32, new TensorShape([Dim.Named("batch"), Dim.Fixed(3), Dim.Unknown])),
        new("ids", DataType.Int64, new TensorShape([Dim.Named("batch")])),
        new("mask", DataType.Bool, new TensorShape([Dim.Fixed(16)])),
        new("h", DataType.Float16, new TensorShape([Dim.Fixed(64)])),
    ];

    [Fact]
    public void Create_WhenCalledTwice_ReturnsIdenticalBytes()
    {
        var a = SeededInputs.Create(Inputs);
        var b = SeededInputs.Create(Inputs);
        Assert.Equal(a.Count, b.Count);
        for (int s = 0; s < a.Count; s++)
            for (int i = 0; i < Inputs.Length; i++)
                Assert.Equal(a[s].Inputs[i].Data.ReadAllBytes(), b[s].Inputs[i].Data.ReadAllBytes());
    }

    [Fact]
    public void Create_WhenSymbolicDims_GivesEachSetItsOwnSize()
    {
        var sets = SeededInputs.Create(Inputs);
        Assert.Equal(3, sets.Count);
        Assert.Equal([[1L, 3, 1], [2L, 3, 2], [3L, 3, 3]], sets.Select(s => s.Inputs[0].Data.Shape.ToArray()));
        // A dim name shared by two inputs gets one size per set.
        Assert.Equal([1L, 2, 3], sets.Select(s => s.Inputs[1].Data.Shape[0]));
        Assert.All(sets, s => Assert.Empty(s.Outputs));
        Assert.Equal("seed1.set0", sets[0].Name);
    }

    [Fact]
    public void Create_WhenSeedChanges_ChangesValues()
    {
        var one = SeededInputs.Create(Inputs, seed: 1)[2].Inputs[0].Data.ReadAllBytes();
        var two = SeededInputs.Create(Inputs, seed: 2)[2].Inputs[0].Data.ReadAllBytes();
        Assert.NotEqual(one, two);
    }

    [Fact]
    public void Create_WhenInputsReordered_KeepsEachInputsValues()
    {
        var forward = SeededInputs.Create(Inputs);
        var reversed = SeededInputs.Create(Inputs.Reverse().ToArray());
        Assert.Equal(forward[1].Inputs[0].Data.ReadAllBytes(), reversed[1].Inputs[^1].Data.ReadAllBytes());
    }

    [Fact]
    public void Create_WhenNumeric_StaysInDocumentedRanges()
    {
        var big = new ValueInfo[]
        {
            new("f", DataType.Float32, TensorShape.Of(4096)),
            new("i", DataType.Int32, TensorShape.Of(4096)),
            new("b", DataType.Bool, TensorShape.Of(4096)),
        };
        var set = SeededInputs.Create(big)[0];
        var floats = TestTensors.ReadF32(set.Inputs[0].Data);
        Assert.All(floats, v => Assert.InRange(v, -1f, 1f));
        Assert.True(floats.Min() < -0.9f && floats.Max() > 0.9f, "floats should cover [-1, 1]");
        var ints = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(set.Inputs[1].Data.ReadAllBytes()).ToArray();
        Assert.All(ints, v => Assert.InRange(v, 0, 9));
        Assert.Equal(10, ints.Distinct().Count());
        var bools = set.Inputs[2].Data.ReadAllBytes();
        Assert.Equal([0, 1], bools.Distinct().Order().Select(b => (int)b));
    }

    [Fact]
    public void Create_WhenSameSeed_GivesPinnedFirstValue()
    {
        // Pins the generator: a change here changes every fingerprint in every lock file.
        var set = SeededInputs.Create([new ValueInfo("x", DataType.Float32, TensorShape.Of(2))])[0];
        var values = TestTensors.ReadF32(set.Inputs[0].Data);
        Assert.Equal(Expected.FirstSeeded, values);
    }

    private static class Expected
    {
        public static readonly float[] FirstSeeded = [0.242606997f, 0.0232082605f];
    }
}
