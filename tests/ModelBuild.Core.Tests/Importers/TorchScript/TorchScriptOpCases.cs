using System.Runtime.InteropServices;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Tests.Importers.TorchScript;

/// <summary>
/// Op cases whose PyTorch output is not float32 (casts, argmax, comparisons, float64 sums): the converted graph
/// must give the same element type and shape, and the same values (exactly, or within atol for floating types).
/// </summary>
internal static class TorchScriptOpCases
{
    public static Model AssertTyped(string name, double atol = 0)
    {
        var module = TorchScriptFixtures.LoadOpCase(name, out var reference);
        var outputs = TorchScriptFixtures.ConvertAndRun(module, reference, out var model);
        var expected = reference.Single(t => t.Name == "output.output").Data;
        var actual = Assert.Single(outputs).Data;
        Assert.Equal(expected.DataType, actual.DataType);
        Assert.Equal(expected.Shape, actual.Shape);
        var e = Values(expected);
        var a = Values(actual);
        for (int i = 0; i < e.Length; i++)
            Assert.True(Math.Abs(e[i] - a[i]) <= atol, $"element {i}: ONNX Runtime {a[i]} vs PyTorch {e[i]}");
        return model;
    }

    /// <summary>
    /// Converts op case <paramref name="name"/> with the first dim of every input symbolic (<c>batch</c>), so the
    /// lowering cannot lean on a static batch, and checks ONNX Runtime against PyTorch on the case's inputs.
    /// </summary>
    public static Model AssertWithSymbolicBatch(string name, double atol)
    {
        var module = TorchScriptFixtures.LoadOpCase(name, out var reference);
        var inputs = reference.Where(t => t.Name.StartsWith("input.", StringComparison.Ordinal))
            .Select(t => new NamedTensor(t.Name["input.".Length..], t.Data)).ToList();
        var graphInputs = inputs.Select(t => new ValueInfo(t.Name, t.Data.DataType,
            new TensorShape(t.Data.Shape.Select((d, i) => i == 0 ? Dim.Named("batch") : Dim.Fixed(d))))).ToList();
        var outputs = TorchScriptFixtures.ConvertAndRun(module, graphInputs, inputs, out var model);
        var expected = reference.Single(t => t.Name == "output.output").Data;
        TorchScriptFixtures.AssertClose(expected, Assert.Single(outputs).Data, atol, 1e-4);
        return model;
    }

    private static double[] Values(TensorData data)
    {
        var bytes = data.ReadAllBytes();
        return data.DataType switch
        {
            DataType.Float32 => MemoryMarshal.Cast<byte, float>(bytes).ToArray().Select(v => (double)v).ToArray(),
            DataType.Float64 => MemoryMarshal.Cast<byte, double>(bytes).ToArray(),
            DataType.Int64 => MemoryMarshal.Cast<byte, long>(bytes).ToArray().Select(v => (double)v).ToArray(),
            DataType.Int32 => MemoryMarshal.Cast<byte, int>(bytes).ToArray().Select(v => (double)v).ToArray(),
            DataType.Bool or DataType.UInt8 => bytes.Select(v => (double)v).ToArray(),
            _ => throw new NotSupportedException($"no comparison for {DataTypes.Name(data.DataType)} outputs."),
        };
    }
}
