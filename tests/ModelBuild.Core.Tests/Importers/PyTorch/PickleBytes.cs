using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ModelBuild.Core.Tests.Importers.PyTorch;

/// <summary>Hand-assembles pickles (opcode by opcode) and wraps them in torch.save-shaped zip archives.</summary>
internal sealed class PickleBytes
{
    private readonly MemoryStream _bytes = new();

    public PickleBytes Proto() => Op(0x80).Byte(2);
    public PickleBytes Op(byte opcode) { _bytes.WriteByte(opcode); return this; }
    public PickleBytes Op(char opcode) => Op((byte)opcode);
    public PickleBytes Byte(byte value) { _bytes.WriteByte(value); return this; }
    public PickleBytes Raw(byte[] bytes) { _bytes.Write(bytes); return this; }
    public PickleBytes Global(string module, string name) => Op('c').Raw(Encoding.ASCII.GetBytes($"{module}\n{name}\n"));
    public PickleBytes Str(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)utf8.Length);
        return Op('X').Raw(length).Raw(utf8);
    }
    public PickleBytes Int(int value) => value is >= 0 and < 256 ? Op('K').Byte((byte)value) : Op('J').Raw(BitConverter.GetBytes(value));
    public PickleBytes Mark() => Op('(');
    public PickleBytes Tuple() => Op('t');
    public PickleBytes Reduce() => Op('R');
    public PickleBytes Stop() => Op('.');

    /// <summary>GLOBAL torch._utils._rebuild_tensor_v2 applied to a float storage view.</summary>
    public PickleBytes FloatTensor(string key, int numel, int offset, int[] size, int[] stride)
    {
        Global("torch._utils", "_rebuild_tensor_v2").Mark();
        Mark().Str("storage").Global("torch", "FloatStorage").Str(key).Str("cpu").Int(numel).Tuple().Op('Q');
        Int(offset);
        Mark(); foreach (var s in size) Int(s); Tuple();
        Mark(); foreach (var s in stride) Int(s); Tuple();
        Op(0x89).Global("collections", "OrderedDict").Op(')').Reduce();
        return Tuple().Reduce();
    }

    /// <summary>An OrderedDict {name: tensor} as torch.save(state_dict) pickles it.</summary>
    public static byte[] StateDict(string name, string key, int numel, int offset, int[] size, int[] stride) =>
        new PickleBytes().Proto().Global("collections", "OrderedDict").Op(')').Reduce()
            .Mark().Str(name).FloatTensor(key, numel, offset, size, stride).Op('u').Stop().ToArray();

    public byte[] ToArray() => _bytes.ToArray();

    /// <summary>A zip shaped like torch.save's: records under a root folder; data/&lt;key&gt; holds the storages.</summary>
    public static byte[] Archive(byte[] dataPkl, IReadOnlyDictionary<string, byte[]>? storages = null, string root = "archive", bool constants = false, string versionRecord = "version")
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, byte[] bytes)
            {
                var entry = zip.CreateEntry($"{root}/{name}", CompressionLevel.NoCompression);
                using var s = entry.Open();
                s.Write(bytes);
            }
            Add("data.pkl", dataPkl);
            if (constants) Add("constants.pkl", [0x80, 0x02, 0x29, 0x2E]);
            foreach (var (key, bytes) in storages ?? new Dictionary<string, byte[]>()) Add($"data/{key}", bytes);
            Add(versionRecord, "3\n"u8.ToArray());
        }
        return buffer.ToArray();
    }

    public static byte[] Floats(params float[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        return bytes;
    }
}
