using System.Runtime.InteropServices;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Tests.Verification;

/// <summary>In-memory tensors for tests, little-endian as on every machine the tests run on.</summary>
internal static class TestTensors
{
    public static TensorData F32(float[] values, params long[] shape) => Of(values, DataType.Float32, shape);
    public static TensorData F64(double[] values, params long[] shape) => Of(values, DataType.Float64, shape);
    public static TensorData F16(float[] values, params long[] shape) => Of(values.Select(v => (Half)v).ToArray(), DataType.Float16, shape);
    public static TensorData I64(long[] values, params long[] shape) => Of(values, DataType.Int64, shape);
    public static TensorData I32(int[] values, params long[] shape) => Of(values, DataType.Int32, shape);
    public static TensorData Bool(bool[] values, params long[] shape) => Of(values.Select(v => v ? (byte)1 : (byte)0).ToArray(), DataType.Bool, shape);

    public static TensorData BF16(float[] values, params long[] shape) =>
        Of(values.Select(v => (ushort)(BitConverter.SingleToUInt32Bits(v) >> 16)).ToArray(), DataType.BFloat16, shape);

    public static TensorData Of<T>(T[] values, DataType type, params long[] shape) where T : unmanaged =>
        TensorData.FromBytes(MemoryMarshal.AsBytes(values.AsSpan()).ToArray(), type, shape.Length == 0 && values.Length != 1 ? [values.Length] : shape);

    public static float[] ReadF32(TensorData data) => MemoryMarshal.Cast<byte, float>(data.ReadAllBytes()).ToArray();
    public static long[] ReadI64(TensorData data) => MemoryMarshal.Cast<byte, long>(data.ReadAllBytes()).ToArray();
}
