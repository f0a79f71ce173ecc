namespace ModelBuild.Core.Exporters.Ort;

/// <summary>
/// Reads <see cref="OrtKernelTypeStrResolver"/> out of an ORT file and notes the highest byte its tables, vectors and
/// strings occupy (vtables aside: FlatBuffers shares one vtable among equal tables, wherever it was first written),
/// so the rewrite can prove the resolver lies wholly in the part of the file it replaces.
/// Every field the resolver's tables may hold is known here; a table with any other field is refused.
/// </summary>
internal sealed class OrtKernelTypeStrResolverReader
{
    /// <summary>Type strings and operator ids are short identifiers; a longer one is damage.</summary>
    private const int MaxNameLength = 4096;

    private readonly OrtFileReader _reader;
    private long _tables;

    private OrtKernelTypeStrResolverReader(OrtFileReader reader) => _reader = reader;

    /// <summary>The end (exclusive) of the highest object read so far.</summary>
    public long End { get; private set; }

    public static (OrtKernelTypeStrResolver Resolver, long End) Read(OrtFileReader reader, long position)
    {
        var self = new OrtKernelTypeStrResolverReader(reader);
        var table = self.Table(position, fieldCount: 1);
        var ops = self.Vector(self.Required(table, OrtKernelTypeStrResolver.OpKernelTypeStrArgsField, "op_kernel_type_str_args"), self.ReadOp);
        return (new OrtKernelTypeStrResolver(ops), self.End);
    }

    private OrtOpKernelTypeStrArgs ReadOp(long position)
    {
        var table = Table(position, fieldCount: 2);
        var opId = String(Required(table, OrtOpKernelTypeStrArgs.OpIdField, "op_id"));
        var entries = Vector(Required(table, OrtOpKernelTypeStrArgs.KernelTypeStrArgsField, "kernel_type_str_args"), ReadEntry);
        return new OrtOpKernelTypeStrArgs(opId, entries);
    }

    private OrtKernelTypeStrArgs ReadEntry(long position)
    {
        var table = Table(position, fieldCount: 2);
        var kernelTypeStr = String(Required(table, OrtKernelTypeStrArgs.KernelTypeStrField, "kernel_type_str"));
        var args = Vector(Required(table, OrtKernelTypeStrArgs.ArgsField, "args"), ReadArg);
        return new OrtKernelTypeStrArgs(kernelTypeStr, args);
    }

    private OrtArgTypeAndIndex ReadArg(long position)
    {
        var table = Table(position, fieldCount: 2);
        long argType = _reader.Field(table, OrtArgTypeAndIndex.ArgTypeField, 1);
        long index = _reader.Field(table, OrtArgTypeAndIndex.IndexField, 4);
        return new OrtArgTypeAndIndex(argType == 0 ? (sbyte)0 : _reader.Int8(argType), index == 0 ? 0 : _reader.UInt32(index));
    }

    private OrtTable Table(long position, int fieldCount)
    {
        // ONNX Runtime writes each table once and a table takes at least 4 bytes: more tables than that means
        // offsets that point at the same tables over and over, which only damage produces.
        if (++_tables > _reader.Length / 4)
            throw OrtThrowHelper.NotOrtFormat(_reader.Path, position, "each resolver table referenced once", "more references than the file has room for tables");
        var table = _reader.Table(position);
        if (_reader.HasFieldsFrom(table, fieldCount))
            throw OrtThrowHelper.UnexpectedLayout(_reader.Path, position, $"a kernel type string resolver table has a field past the {fieldCount} of ort.fbs");
        Reach(table.End);
        return table;
    }

    /// <summary>ONNX Runtime refuses to load a resolver entry without these fields, so their absence is damage.</summary>
    private long Required(OrtTable table, int field, string name)
    {
        long target = _reader.Reference(table, field);
        if (target == 0)
            throw OrtThrowHelper.NotOrtFormat(_reader.Path, table.Position, $"a '{name}' field in the kernel type string resolver", "none");
        return target;
    }

    private List<T> Vector<T>(long position, Func<long, T> readElement)
    {
        int count = _reader.VectorLength(position, 4);
        Reach(position + 4 + 4L * count);
        var items = new List<T>(count);
        for (int i = 0; i < count; i++)
            items.Add(readElement(_reader.Follow(position + 4 + 4L * i)));
        return items;
    }

    private byte[] String(long position)
    {
        var bytes = _reader.StringBytes(position, MaxNameLength);
        // The NUL FlatBuffers writes after every string belongs to the string.
        Reach(position + 4 + bytes.Length + 1);
        return bytes;
    }

    private void Reach(long end) => End = Math.Max(End, end);
}
