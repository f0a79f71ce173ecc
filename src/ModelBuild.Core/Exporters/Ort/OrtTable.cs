namespace ModelBuild.Core.Exporters.Ort;

/// <summary>
/// A FlatBuffers table in an ORT file: where it starts, where its vtable is, the vtable's size in bytes
/// (4 header bytes, then one uint16 field offset per field) and the table's inline size.
/// </summary>
internal readonly record struct OrtTable(long Position, long Vtable, int VtableSize, int TableSize)
{
    public long End => Position + TableSize;
}
