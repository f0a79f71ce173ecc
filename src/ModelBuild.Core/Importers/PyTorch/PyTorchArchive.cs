using System.Globalization;
using System.IO.Compression;
using System.Text;
using ModelBuild.Core.Diagnostics;

namespace ModelBuild.Core.Importers.PyTorch;

/// <summary>
/// A PyTorch file opened for reading: its format (research §1), and for zip archives the records under the
/// root folder (whatever its name: PyTorch takes the first entry's folder), the archive version from
/// <c>version</c> or <c>.data/version</c>, and bounded record reads. Formats ModelBuild does not read yet
/// (<c>.pt2</c>, <c>torch.package</c>, lite-interpreter, <c>model.json</c>) are refused here with MBLD2002.
/// </summary>
public sealed class PyTorchArchive
{
    private readonly Dictionary<string, PyTorchRecord> _records;

    private PyTorchArchive(string path, PyTorchFormat format, string? root, int? version, Dictionary<string, PyTorchRecord> records, PyTorchLimits limits)
    {
        Path = path;
        Format = format;
        Root = root;
        Version = version;
        _records = records;
        Limits = limits;
    }

    public string Path { get; }
    public PyTorchFormat Format { get; }

    /// <summary>The zip's top-level folder (<c>archive</c>, the file stem…); null for legacy streams.</summary>
    public string? Root { get; }

    /// <summary>The archive format version (<c>version</c> or <c>.data/version</c>); null for legacy streams.</summary>
    public int? Version { get; }

    public PyTorchLimits Limits { get; }

    /// <summary>Records by name relative to <see cref="Root"/>, in archive order.</summary>
    public IReadOnlyCollection<PyTorchRecord> Records => _records.Values;

    public bool TryGetRecord(string name, out PyTorchRecord record) => _records.TryGetValue(name, out record!);

    public static PyTorchArchive Open(string path, PyTorchLimits? limits = null)
    {
        limits ??= PyTorchLimits.Default;
        path = System.IO.Path.GetFullPath(path);
        if (!File.Exists(path)) throw new ModelBuildException(DiagnosticCode.FileNotFound, path, "the file does not exist");
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096);
        var head = new byte[16];
        int read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var span = head.AsSpan(0, read);
        if (span.StartsWith("PK\u0003\u0004"u8)) return OpenZip(path, file, limits);
        if (span.StartsWith(PyTorchLayout.LegacyMagicPickle)) return new PyTorchArchive(path, PyTorchFormat.Legacy, null, null, [], limits);
        if (read >= 8 && span[4..8].SequenceEqual(PyTorchLayout.MobileIdentifier))
            throw Unsupported(path, "this is a PyTorch lite-interpreter (mobile, PTMF) file; ModelBuild does not read those yet: convert the TorchScript .pt it was made from");
        if (read >= 1 && span[0] == 0x80)
            PyTorchThrowHelper.Archive(path, null, "starts with a pickle but not PyTorch's legacy magic number; plain pickles are not model files ModelBuild reads");
        PyTorchThrowHelper.Archive(path, null, read == 0 ? "the file is empty" : "is neither a PyTorch zip archive nor a legacy torch.save stream");
        return null!;
    }

    private static PyTorchArchive OpenZip(string path, FileStream file, PyTorchLimits limits)
    {
        var entries = PyTorchZipDirectory.Read(path, file, limits);
        if (entries.Count == 0) PyTorchThrowHelper.Archive(path, null, "the zip archive is empty");
        var names = entries.Select(e => e.FullName).ToArray();

        // Formats PyTorch writes that are not torch.save/torch.jit.save zips: name them, then stop (MBLD2002).
        if (names.Any(n => n == "archive_format" || n.EndsWith("/archive_format", StringComparison.Ordinal)))
            throw Unsupported(path, "this is a torch.export PT2 archive (.pt2); ModelBuild does not read torch.export files yet: save the model with torch.jit.trace(model, example).save(...) or save its state_dict");
        if (names.Any(n => n == "serialized_exported_program.json" || n.EndsWith("/serialized_exported_program.json", StringComparison.Ordinal)))
            throw Unsupported(path, "this is a torch.export file (serialized_exported_program.json); ModelBuild does not read torch.export files yet: save the model with torch.jit.trace(model, example).save(...) or save its state_dict");

        int slash = names[0].IndexOf('/');
        if (slash <= 0) PyTorchThrowHelper.Archive(path, names[0], "the first record is not inside a top-level folder, as every PyTorch archive's records are");
        var root = names[0][..slash];
        var records = new Dictionary<string, PyTorchRecord>(StringComparer.Ordinal);
        long inflated = 0;
        foreach (var (fullName, method, compressed, uncompressed, dataOffset) in entries)
        {
            if (!fullName.StartsWith(root + "/", StringComparison.Ordinal))
                PyTorchThrowHelper.Archive(path, fullName, $"lies outside the archive's root folder '{root}/' (taken from the first record, as PyTorch does)");
            var name = fullName[(root.Length + 1)..];
            if (name.Length == 0 || name.Split('/').Any(p => p is ".." or "") || name.Contains('\\') || name.Contains(':'))
                PyTorchThrowHelper.Archive(path, fullName, "has an unsafe or empty record name");
            if (method == PyTorchLayout.MethodDeflated)
            {
                if (uncompressed > limits.MaxInflatedRecordBytes)
                    PyTorchThrowHelper.Archive(path, fullName, $"declares {uncompressed} inflated bytes, above the limit of {limits.MaxInflatedRecordBytes}");
                if (uncompressed > Math.Max(compressed, 1) * limits.MaxCompressionRatio)
                    PyTorchThrowHelper.Archive(path, fullName, $"inflates {compressed} bytes to {uncompressed}, a ratio above {limits.MaxCompressionRatio}:1 (zip bomb)");
                inflated += uncompressed;
                if (inflated > limits.MaxInflatedRecordBytes)
                    PyTorchThrowHelper.Archive(path, fullName, $"the deflated records inflate to more than {limits.MaxInflatedRecordBytes} bytes in all (zip bomb)");
            }
            if (!records.TryAdd(name, new PyTorchRecord(name, fullName, method, compressed, uncompressed, dataOffset)))
                PyTorchThrowHelper.Archive(path, fullName, "appears twice in the archive");
        }

        if (records.ContainsKey("model.json"))
            throw Unsupported(path, "this is a TorchScript file of the torch 1.0–1.2 era (model.json); ModelBuild does not read it: re-save it with a current torch.jit.save");
        if (records.ContainsKey("bytecode.pkl"))
            throw Unsupported(path, "this is a PyTorch lite-interpreter (mobile) archive (bytecode.pkl); ModelBuild does not read those yet: convert the TorchScript .pt it was made from");
        if (!records.ContainsKey(PyTorchLayout.DataPickle))
        {
            if (records.ContainsKey(PyTorchLayout.DataVersionRecord) || records.ContainsKey(".data/extern_modules"))
                throw Unsupported(path, "this is a torch.package archive; ModelBuild does not read torch.package files yet: save the model with torch.jit.trace or save its state_dict");
            PyTorchThrowHelper.Archive(path, null, $"the zip has no '{root}/data.pkl' record: it is not a torch.save or torch.jit.save file");
        }

        var archive = new PyTorchArchive(path, records.ContainsKey(PyTorchLayout.ConstantsPickle) ? PyTorchFormat.TorchScript : PyTorchFormat.TorchSave,
            root, null, records, limits);
        int? version = archive.ReadSmallInt(PyTorchLayout.VersionRecord) ?? archive.ReadSmallInt(PyTorchLayout.DataVersionRecord);
        if (archive.TryGetRecord(PyTorchLayout.ByteOrderRecord, out var byteOrder))
        {
            var order = Encoding.ASCII.GetString(archive.ReadRecord(byteOrder, 64)).Trim();
            if (order == "big") throw Unsupported(path, "the archive's tensors are big-endian (byteorder = big); ModelBuild reads little-endian archives only");
            if (order != "little") PyTorchThrowHelper.Archive(path, byteOrder.FullName, $"says '{order}', not 'little' or 'big'");
        }
        return new PyTorchArchive(path, archive.Format, root, version, records, limits);
    }

    private int? ReadSmallInt(string name)
    {
        if (!TryGetRecord(name, out var record)) return null;
        var text = Encoding.ASCII.GetString(ReadRecord(record, 64)).Trim();
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            PyTorchThrowHelper.Archive(Path, record.FullName, $"holds '{text}', not a version number");
        return value;
    }

    /// <summary>A record's bytes, inflated if deflated; refuses records above <paramref name="maxBytes"/> before reading.</summary>
    public byte[] ReadRecord(PyTorchRecord record, long maxBytes)
    {
        if (record.UncompressedSize > maxBytes)
            PyTorchThrowHelper.Archive(Path, record.FullName, $"is {record.UncompressedSize} bytes, above the {maxBytes}-byte limit for this record");
        using var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        var raw = PyTorchZipDirectory.ReadAt(file, record.DataOffset, (int)record.CompressedSize);
        if (record.IsStored) return raw;
        var bytes = new byte[record.UncompressedSize];
        try
        {
            using var inflater = new DeflateStream(new MemoryStream(raw), CompressionMode.Decompress);
            int got = inflater.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            if (got != bytes.Length) PyTorchThrowHelper.Archive(Path, record.FullName, $"inflates to {got} bytes, not the {bytes.Length} it declares");
            if (inflater.ReadByte() >= 0) PyTorchThrowHelper.Archive(Path, record.FullName, $"inflates to more than the {bytes.Length} bytes it declares");
        }
        catch (InvalidDataException e)
        {
            throw PyTorchThrowHelper.Create(DiagnosticCode.PyTorchArchiveInvalid, Path, record.FullName, $"the deflated data is damaged: {e.Message}", e);
        }
        return bytes;
    }

    private static ModelBuildException Unsupported(string path, string message) => new(DiagnosticCode.UnsupportedFeature, path, message);
}
