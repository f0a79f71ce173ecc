using System.Buffers.Binary;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Verification;

/// <summary>
/// Decodes tensor bytes (little-endian) into float64 for comparison, and integers into int64 so that exact
/// comparison of 64-bit ids does not go through float64's 53-bit mantissa.
/// </summary>
internal static class TensorElements
{
    public static bool IsSupported(DataType type) => type is DataType.Float32 or DataType.Float64 or DataType.Float16
        or DataType.BFloat16 or DataType.Int8 or DataType.Int16 or DataType.Int32 or DataType.Int64 or DataType.UInt8
        or DataType.UInt16 or DataType.UInt32 or DataType.UInt64 or DataType.Bool;

    public static double[] ToDoubles(ReadOnlySpan<byte> bytes, DataType type)
    {
        int size = DataTypes.SizeOf(type);
        var values = new double[bytes.Length / size];
        for (int i = 0; i < values.Length; i++)
        {
            var at = bytes.Slice(i * size, size);
            values[i] = type switch
            {
                DataType.Float32 => BinaryPrimitives.ReadSingleLittleEndian(at),
                DataType.Float64 => BinaryPrimitives.ReadDoubleLittleEndian(at),
                DataType.Float16 => (double)BinaryPrimitives.ReadHalfLittleEndian(at),
                // bfloat16 is the high half of a float32: shift it back into place.
                DataType.BFloat16 => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(at) << 16),
                DataType.UInt64 => BinaryPrimitives.ReadUInt64LittleEndian(at),
                _ => ToInt64(at, type),
            };
        }
        return values;
    }

    /// <summary>Integers and bools as int64; uint64 keeps its bits (compared for equality only).</summary>
    public static long[] ToInt64s(ReadOnlySpan<byte> bytes, DataType type)
    {
        int size = DataTypes.SizeOf(type);
        var values = new long[bytes.Length / size];
        for (int i = 0; i < values.Length; i++) values[i] = ToInt64(bytes.Slice(i * size, size), type);
        return values;
    }

    private static long ToInt64(ReadOnlySpan<byte> at, DataType type) => type switch
    {
        DataType.Int8 => (sbyte)at[0],
        DataType.UInt8 => at[0],
        // Any non-zero byte is true, as numpy and ONNX Runtime read bool.
        DataType.Bool => at[0] != 0 ? 1 : 0,
        DataType.Int16 => BinaryPrimitives.ReadInt16LittleEndian(at),
        DataType.UInt16 => BinaryPrimitives.ReadUInt16LittleEndian(at),
        DataType.Int32 => BinaryPrimitives.ReadInt32LittleEndian(at),
        DataType.UInt32 => BinaryPrimitives.ReadUInt32LittleEndian(at),
        DataType.Int64 or DataType.UInt64 => BinaryPrimitives.ReadInt64LittleEndian(at),
        _ => throw new NotSupportedException($"{DataTypes.Name(type)} is not an integer type."),
    };

    /// <summary>float32 → bfloat16 with round-to-nearest-even, as PyTorch converts; NaN stays NaN.</summary>
    public static ushort ToBFloat16(float value)
    {
        uint bits = BitConverter.SingleToUInt32Bits(value);
        if (float.IsNaN(value)) return (ushort)((bits >> 16) | 0x40);
        uint rounding = 0x7FFF + ((bits >> 16) & 1);
        return (ushort)((bits + rounding) >> 16);
    }

    /// <summary>Row-major multi-dimensional index of flat element <paramref name="flat"/>.</summary>
    public static long[] Unravel(long flat, IReadOnlyList<long> shape)
    {
        var index = new long[shape.Count];
        for (int d = shape.Count - 1; d >= 0; d--)
        {
            if (shape[d] == 0) return index;
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return index;
    }
}
