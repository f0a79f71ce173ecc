using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Tests.Tensors;

/// <summary>Small in-memory tensors with recognisable, deterministic contents.</summary>
internal static class TensorBuilder
{
    public static NamedTensor Sequence(string name, DataType type, params long[] shape)
    {
        long count = shape.Aggregate(1L, (a, b) => a * b);
        var bytes = new byte[count * DataTypes.SizeOf(type)];
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)(i * 31 + name.Length);
        if (type == DataType.Bool) for (int i = 0; i < bytes.Length; i++) bytes[i] &= 1;
        return new NamedTensor(name, TensorData.FromBytes(bytes, type, shape));
    }

    /// <summary>A file of <paramref name="length"/> patterned bytes, for file-backed tensors.</summary>
    public static string PatternFile(string path, long length)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        var chunk = new byte[1 << 20];
        for (int i = 0; i < chunk.Length; i++) chunk[i] = (byte)(i * 7);
        for (long left = length; left > 0; left -= chunk.Length)
            stream.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
        return path;
    }
}
