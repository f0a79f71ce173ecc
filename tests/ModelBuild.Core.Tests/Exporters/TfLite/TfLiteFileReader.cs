using System.Buffers.Binary;
using System.Text;

namespace ModelBuild.Core.Tests.Exporters.TfLite;

/// <summary>
/// A minimal, independent flatbuffer reader for structural asserts on written .tflite files: follows root,
/// vtables, vectors and strings by the FlatBuffers wire rules, with the slots of the public schema spelled out here
/// (not taken from the writer's layout class).
/// </summary>
internal sealed class TfLiteFileReader(byte[] bytes)
{
    public byte[] Bytes { get; } = bytes;

    public string Identifier => Encoding.ASCII.GetString(Bytes, 4, 4);
    public int Root => U32(0);

    public int U32(int pos) => (int)BinaryPrimitives.ReadUInt32LittleEndian(Bytes.AsSpan(pos));
    public int I32(int pos) => BinaryPrimitives.ReadInt32LittleEndian(Bytes.AsSpan(pos));

    /// <summary>Position of field <paramref name="slot"/> of the table at <paramref name="table"/>, or -1 when absent.</summary>
    public int Field(int table, int slot)
    {
        int vtable = table - I32(table);
        int vsize = BinaryPrimitives.ReadUInt16LittleEndian(Bytes.AsSpan(vtable));
        int at = 4 + 2 * slot;
        if (at >= vsize) return -1;
        int offset = BinaryPrimitives.ReadUInt16LittleEndian(Bytes.AsSpan(vtable + at));
        return offset == 0 ? -1 : table + offset;
    }

    public int Ref(int table, int slot)
    {
        int f = Field(table, slot);
        return f < 0 ? -1 : f + U32(f);
    }

    public int Int(int table, int slot, int fallback) { int f = Field(table, slot); return f < 0 ? fallback : I32(f); }
    public sbyte SByte(int table, int slot, sbyte fallback) { int f = Field(table, slot); return f < 0 ? fallback : (sbyte)Bytes[f]; }

    public int Length(int vector) => U32(vector);

    /// <summary>Table element <paramref name="i"/> of a vector of tables.</summary>
    public int Element(int vector, int i) { int p = vector + 4 + 4 * i; return p + U32(p); }

    public int[] Ints(int vector) => vector < 0 ? [] : Enumerable.Range(0, Length(vector)).Select(i => I32(vector + 4 + 4 * i)).ToArray();

    public string? String(int table, int slot)
    {
        int s = Ref(table, slot);
        return s < 0 ? null : Encoding.UTF8.GetString(Bytes, s + 4, U32(s));
    }

    // Schema slots (tensorflow/compiler/mlir/lite/schema/schema.fbs).
    public int Version => Int(Root, 0, 0);
    public int OperatorCodes => Ref(Root, 1);
    public int Subgraph0 => Element(Ref(Root, 2), 0);
    public int Buffers => Ref(Root, 4);

    /// <summary>(byte offset, length) of buffer <paramref name="i"/>'s data; offset -1 when it has none.</summary>
    public (int Offset, int Length) Buffer(int i)
    {
        int data = Ref(Element(Buffers, i), 0);
        return data < 0 ? (-1, 0) : (data + 4, Length(data));
    }

    public (sbyte Deprecated, int Builtin, int Version) OperatorCode(int i)
    {
        int code = Element(OperatorCodes, i);
        return (SByte(code, 0, 0), Int(code, 3, 0), Int(code, 2, 1));
    }

    public int TensorCount => Length(Ref(Subgraph0, 0));
    public (string? Name, int[] Shape, sbyte Type, int Buffer) Tensor(int i)
    {
        int t = Element(Ref(Subgraph0, 0), i);
        return (String(t, 3), Ints(Ref(t, 0)), SByte(t, 1, 0), Int(t, 2, 0));
    }
}
