using System.Buffers.Binary;
using System.Text;

namespace ModelBuild.Core.Importers.PyTorch;

/// <summary>
/// Reads a zip's central directory (ZIP64 included) and each entry's local header, checking every size and offset
/// against the file before use. PyTorch writes data descriptors, so local headers carry no sizes: the central
/// directory is the only truth (research §2). The .NET ZipArchive hides the local-header offset, which we need to
/// read stored tensors in place, hence this small parser.
/// </summary>
internal static class PyTorchZipDirectory
{
    public static List<(string FullName, ushort Method, long Compressed, long Uncompressed, long DataOffset)> Read(string path, FileStream file, PyTorchLimits limits)
    {
        long length = file.Length;
        if (length < PyTorchLayout.EndOfCentralDirectorySize) PyTorchThrowHelper.Archive(path, null, $"the zip is truncated ({length} bytes, smaller than an end-of-directory record)");

        // The end record sits in the last 22 + 65535 bytes (the comment may follow it).
        int tailLength = (int)Math.Min(length, PyTorchLayout.EndOfCentralDirectorySize + PyTorchLayout.MaxZipCommentLength + PyTorchLayout.Zip64LocatorSize);
        var tail = ReadAt(file, length - tailLength, tailLength);
        int eocd = -1;
        for (int i = tailLength - PyTorchLayout.EndOfCentralDirectorySize; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) == PyTorchLayout.EndOfCentralDirectorySignature) { eocd = i; break; }
        }
        if (eocd < 0) PyTorchThrowHelper.Archive(path, null, "no zip end-of-central-directory record (the file is truncated or not a zip)");
        var end = tail.AsSpan(eocd);
        long entries = BinaryPrimitives.ReadUInt16LittleEndian(end[10..]);
        long directorySize = BinaryPrimitives.ReadUInt32LittleEndian(end[12..]);
        long directoryOffset = BinaryPrimitives.ReadUInt32LittleEndian(end[16..]);

        int locator = eocd - PyTorchLayout.Zip64LocatorSize;
        if (locator >= 0 && BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(locator)) == PyTorchLayout.Zip64LocatorSignature)
        {
            ulong zip64Offset = BinaryPrimitives.ReadUInt64LittleEndian(tail.AsSpan(locator + 8));
            if (zip64Offset > (ulong)(length - PyTorchLayout.Zip64EndOfCentralDirectorySize))
                PyTorchThrowHelper.Archive(path, null, $"the ZIP64 locator points to byte {zip64Offset}, outside the {length}-byte file");
            var record = ReadAt(file, (long)zip64Offset, PyTorchLayout.Zip64EndOfCentralDirectorySize);
            if (BinaryPrimitives.ReadUInt32LittleEndian(record) != PyTorchLayout.Zip64EndOfCentralDirectorySignature)
                PyTorchThrowHelper.Archive(path, null, "the ZIP64 end-of-central-directory record is damaged");
            entries = ToLong(BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(32)), path, "entry count");
            directorySize = ToLong(BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(40)), path, "directory size");
            directoryOffset = ToLong(BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(48)), path, "directory offset");
        }
        if (entries > limits.MaxEntryCount) PyTorchThrowHelper.Archive(path, null, $"the archive declares {entries} entries, above the limit of {limits.MaxEntryCount}");
        if (directoryOffset > length || directorySize > length - directoryOffset)
            PyTorchThrowHelper.Archive(path, null, $"the central directory (offset {directoryOffset}, {directorySize} bytes) lies outside the {length}-byte file");
        if (directorySize > entries * (PyTorchLayout.CentralHeaderSize + 3L * 65535))
            PyTorchThrowHelper.Archive(path, null, $"the central directory is {directorySize} bytes, more than {entries} entries can fill");

        var directory = ReadAt(file, directoryOffset, (int)directorySize);
        var result = new List<(string, ushort, long, long, long)>((int)entries);
        int at = 0;
        for (long n = 0; n < entries; n++)
        {
            if (directory.Length - at < PyTorchLayout.CentralHeaderSize || BinaryPrimitives.ReadUInt32LittleEndian(directory.AsSpan(at)) != PyTorchLayout.CentralHeaderSignature)
                PyTorchThrowHelper.Archive(path, null, $"central directory entry {n} is damaged or missing");
            var header = directory.AsSpan(at, PyTorchLayout.CentralHeaderSize);
            ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
            ushort method = BinaryPrimitives.ReadUInt16LittleEndian(header[10..]);
            long compressed = BinaryPrimitives.ReadUInt32LittleEndian(header[20..]);
            long uncompressed = BinaryPrimitives.ReadUInt32LittleEndian(header[24..]);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header[30..]);
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(header[32..]);
            long localOffset = BinaryPrimitives.ReadUInt32LittleEndian(header[42..]);
            int variable = nameLength + extraLength + commentLength;
            if (directory.Length - at - PyTorchLayout.CentralHeaderSize < variable)
                PyTorchThrowHelper.Archive(path, null, $"central directory entry {n} runs past the directory's end");
            string name;
            try
            {
                name = new UTF8Encoding(false, true).GetString(directory, at + PyTorchLayout.CentralHeaderSize, nameLength);
            }
            catch (DecoderFallbackException)
            {
                PyTorchThrowHelper.Archive(path, null, $"central directory entry {n} has a name that is not UTF-8");
                throw;
            }
            var extra = directory.AsSpan(at + PyTorchLayout.CentralHeaderSize + nameLength, extraLength);
            ReadZip64Extra(path, name, extra, ref uncompressed, ref compressed, ref localOffset);
            at += PyTorchLayout.CentralHeaderSize + variable;

            if ((flags & 1) != 0) PyTorchThrowHelper.Archive(path, name, "is encrypted");
            if (method != PyTorchLayout.MethodStored && method != PyTorchLayout.MethodDeflated)
                PyTorchThrowHelper.Archive(path, name, $"uses zip compression method {method}; only stored (0) and deflated (8) are read");
            if (method == PyTorchLayout.MethodStored && compressed != uncompressed)
                PyTorchThrowHelper.Archive(path, name, $"is stored but declares {compressed} compressed and {uncompressed} uncompressed bytes");
            if (localOffset > length - PyTorchLayout.LocalHeaderSize)
                PyTorchThrowHelper.Archive(path, name, $"has its local header at byte {localOffset}, outside the {length}-byte file");
            var local = ReadAt(file, localOffset, PyTorchLayout.LocalHeaderSize);
            if (BinaryPrimitives.ReadUInt32LittleEndian(local) != PyTorchLayout.LocalHeaderSignature)
                PyTorchThrowHelper.Archive(path, name, $"has no local header at byte {localOffset}");
            long dataOffset = localOffset + PyTorchLayout.LocalHeaderSize + BinaryPrimitives.ReadUInt16LittleEndian(local.AsSpan(26)) + BinaryPrimitives.ReadUInt16LittleEndian(local.AsSpan(28));
            if (dataOffset > length || compressed > length - dataOffset)
                PyTorchThrowHelper.Archive(path, name, $"declares {compressed} bytes at byte {dataOffset}, beyond the end of the {length}-byte file (truncated?)");
            result.Add((name, method, compressed, uncompressed, dataOffset));
        }
        return result;
    }

    private static void ReadZip64Extra(string path, string name, ReadOnlySpan<byte> extra, ref long uncompressed, ref long compressed, ref long localOffset)
    {
        while (extra.Length >= 4)
        {
            ushort id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            int size = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            if (size > extra.Length - 4) PyTorchThrowHelper.Archive(path, name, "has a damaged extra field");
            var body = extra.Slice(4, size);
            if (id == PyTorchLayout.Zip64ExtraFieldId)
            {
                int at = 0;
                if (uncompressed == uint.MaxValue) uncompressed = Next(path, name, body, ref at);
                if (compressed == uint.MaxValue) compressed = Next(path, name, body, ref at);
                if (localOffset == uint.MaxValue) localOffset = Next(path, name, body, ref at);
            }
            extra = extra[(4 + size)..];
        }
    }

    private static long Next(string path, string name, ReadOnlySpan<byte> body, ref int at)
    {
        if (body.Length - at < 8) PyTorchThrowHelper.Archive(path, name, "has a ZIP64 extra field that is too short");
        var value = ToLong(BinaryPrimitives.ReadUInt64LittleEndian(body[at..]), path, name);
        at += 8;
        return value;
    }

    private static long ToLong(ulong value, string path, string what)
    {
        if (value > long.MaxValue) PyTorchThrowHelper.Archive(path, null, $"{what} {value} is out of range");
        return (long)value;
    }

    internal static byte[] ReadAt(FileStream file, long offset, int count)
    {
        var buffer = new byte[count];
        file.Seek(offset, SeekOrigin.Begin);
        file.ReadExactly(buffer);
        return buffer;
    }
}
