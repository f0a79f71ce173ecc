using System.Buffers.Binary;
using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Verification;

/// <summary>
/// Deterministic inputs for when there is no reference data. Values: floats uniform in [-1, 1], integers in
/// [0, 10) (safe as token ids and indices of small tables), bools random. Each set gives every symbolic dim one
/// size: set 0 → 1, set 1 → 2, set 2 → 3. Size 2 catches a batch baked in as a constant, size 3 a dim confused
/// with another of size 2. Dims with neither value nor name count as symbolic. A dim name shared by two inputs
/// gets the same size in a set, as the model requires.
/// </summary>
public static class SeededInputs
{
    /// <summary>Number of sets <see cref="Create"/> makes.</summary>
    public const int SetCount = 3;

    /// <summary>Integer inputs are drawn from [0, IntegerBound).</summary>
    public const long IntegerBound = 10;

    /// <summary>Size of symbolic dims in set <paramref name="set"/>.</summary>
    public static long SymbolicSize(int set) => set + 1;

    /// <summary>
    /// Sets named <c>seed&lt;seed&gt;.set&lt;k&gt;</c>, with no outputs. Each input's values depend only on the
    /// seed, the set and the input's name, so reordering inputs changes nothing.
    /// </summary>
    public static IReadOnlyList<ReferenceSet> Create(IReadOnlyList<ValueInfo> inputs, int seed = 1)
    {
        var sets = new List<ReferenceSet>(SetCount);
        for (int set = 0; set < SetCount; set++)
        {
            var tensors = new List<NamedTensor>(inputs.Count);
            foreach (var input in inputs)
            {
                if (input.Shape is null)
                    throw new ModelBuildException(DiagnosticCode.ReferenceInvalid, null,
                        $"input '{input.Name}' has no known rank, so no seeded input can be made for it; give reference data or an input signature.");
                var shape = input.Shape.Dims.Select(d => d.Value ?? SymbolicSize(set)).ToArray();
                var random = new SeededRandom(SeededRandom.Derive(seed, set, input.Name));
                tensors.Add(new NamedTensor(input.Name, Fill(input, shape, random)));
            }
            sets.Add(new ReferenceSet($"seed{seed}.set{set}", tensors, []));
        }
        return sets;
    }

    private static TensorData Fill(ValueInfo input, long[] shape, SeededRandom random)
    {
        var type = input.ElementType;
        int size = DataTypes.SizeOf(type);
        if (size == 0)
            throw new ModelBuildException(DiagnosticCode.UnsupportedFeature, null,
                $"input '{input.Name}' is {DataTypes.Name(type)}; seeded inputs are made only for numeric and bool tensors.");
        long count = 1;
        foreach (var d in shape) count = checked(count * d);
        var bytes = new byte[checked(count * size)];
        var span = bytes.AsSpan();
        for (long i = 0; i < count; i++)
        {
            var at = span[(int)(i * size)..];
            switch (type)
            {
                case DataType.Float32: BinaryPrimitives.WriteSingleLittleEndian(at, random.NextSignedUnit()); break;
                case DataType.Float64: BinaryPrimitives.WriteDoubleLittleEndian(at, random.NextSignedUnit()); break;
                case DataType.Float16: BinaryPrimitives.WriteHalfLittleEndian(at, (Half)random.NextSignedUnit()); break;
                case DataType.BFloat16: BinaryPrimitives.WriteUInt16LittleEndian(at, TensorElements.ToBFloat16(random.NextSignedUnit())); break;
                case DataType.Bool: at[0] = (byte)random.NextBelow(2); break;
                case DataType.Int8 or DataType.UInt8: at[0] = (byte)random.NextBelow(IntegerBound); break;
                case DataType.Int16 or DataType.UInt16: BinaryPrimitives.WriteInt16LittleEndian(at, (short)random.NextBelow(IntegerBound)); break;
                case DataType.Int32 or DataType.UInt32: BinaryPrimitives.WriteInt32LittleEndian(at, (int)random.NextBelow(IntegerBound)); break;
                case DataType.Int64 or DataType.UInt64: BinaryPrimitives.WriteInt64LittleEndian(at, random.NextBelow(IntegerBound)); break;
                default:
                    throw new ModelBuildException(DiagnosticCode.UnsupportedFeature, null,
                        $"input '{input.Name}' is {DataTypes.Name(type)}; no seeded values are defined for it.");
            }
        }
        return TensorData.FromBytes(bytes, type, shape);
    }
}
