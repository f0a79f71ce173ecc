using System.Buffers.Binary;
using System.Numerics;
using System.Text.RegularExpressions;
using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.PyTorch;

/// <summary>
/// Reads <c>torch.save</c> zips, TorchScript archives (their weights and constants) and legacy streams into a
/// <see cref="PyTorchFile"/>, never running code. Stored tensor records become file-backed
/// <see cref="TensorData"/> (offset into the archive, sizes, strides), so weights are not copied into memory.
/// </summary>
public static partial class PyTorchReader
{
    public static PyTorchFile Read(string path, PyTorchLimits? limits = null)
    {
        var archive = PyTorchArchive.Open(path, limits);
        return archive.Format == PyTorchFormat.Legacy ? ReadLegacy(archive) : ReadZip(archive);
    }

    // ---- zip (torch.save, torch.jit.save) ---------------------------------------------------------------------

    private static PyTorchFile ReadZip(PyTorchArchive archive)
    {
        var path = archive.Path;
        var storages = new Dictionary<string, PickleStorage>(StringComparer.Ordinal);
        var classes = new SortedSet<string>(StringComparer.Ordinal);

        object? Unpickle(string record, string folder)
        {
            archive.TryGetRecord(record, out var pickleRecord);
            var bytes = archive.ReadRecord(pickleRecord, archive.Limits.MaxPickleBytes);
            var reader = new PickleReader(path, pickleRecord.FullName, archive.Limits, (pid, offset) =>
            {
                var storage = ParseStoragePid(path, pickleRecord.FullName, pid, offset, legacy: false);
                var key = folder + storage.Key;
                if (!archive.TryGetRecord(key, out var data))
                {
                    if (storage.ElementCount == 0) return Register(storages, path, storage with { Key = key });
                    PyTorchThrowHelper.Storage(path, key, $"the pickle names storage '{storage.Key}' ({storage.ElementCount} × {DataTypes.Name(storage.DataType)}) but the archive has no record '{archive.Root}/{key}'");
                }
                long needed = StorageBytes(path, storage);
                if (data.UncompressedSize < needed)
                    PyTorchThrowHelper.Storage(path, data.FullName, $"holds {data.UncompressedSize} bytes but its storage declares {storage.ElementCount} × {DataTypes.SizeOf(storage.DataType)} = {needed} bytes");
                return Register(storages, path, storage with { Key = key });
            });
            using var stream = new MemoryStream(bytes, writable: false);
            var value = reader.Read(stream);
            foreach (var c in reader.ClassReferences) classes.Add(c.QualifiedName);
            return value;
        }

        object? root, scriptModule = null, scriptConstants = null;
        if (archive.Format == PyTorchFormat.TorchScript)
        {
            // TorchScript: the module tree in data.pkl (weights under data/), tensor constants in constants.pkl.
            var constants = Unpickle(PyTorchLayout.ConstantsPickle, PyTorchLayout.ConstantsFolder);
            var module = Unpickle(PyTorchLayout.DataPickle, PyTorchLayout.DataFolder);
            root = module is PickleObject && constants is object?[] c ? new TorchScriptRoot(module, c).AsDict() : module;
            (scriptModule, scriptConstants) = (module, constants);
        }
        else
        {
            root = Unpickle(PyTorchLayout.DataPickle, PyTorchLayout.DataFolder);
        }

        TensorData Materialize(PickleTensor tensor, string name)
        {
            var storage = tensor.Storage;
            int size = DataTypes.SizeOf(storage.DataType);
            if (storage.ElementCount == 0 || !archive.TryGetRecord(storage.Key, out var record))
                return TensorData.FromBytes(Array.Empty<byte>(), storage.DataType, tensor.Shape);
            if (record.IsStored)
                return TensorData.FromFile(path, record.DataOffset + tensor.StorageOffset * size, (storage.ElementCount - tensor.StorageOffset) * size,
                    storage.DataType, tensor.Shape, Contiguous(tensor) ? null : tensor.Strides);
            return Gather(archive.ReadRecord(record, archive.Limits.MaxInflatedRecordBytes), tensor);
        }

        return new PyTorchFile(path, archive.Format, archive.Version, root, classes.ToArray(), Materialize)
        {
            Limits = archive.Limits, Archive = archive, ScriptModule = scriptModule, ScriptConstants = scriptConstants,
        };
    }

    /// <summary>Keeps the TorchScript module's own tensor names and puts constants under <c>CONSTANTS.cN</c>.</summary>
    private sealed record TorchScriptRoot(object? Module, object?[] Constants)
    {
        public PickleDict AsDict()
        {
            var dict = new PickleDict();
            var constants = new PickleDict();
            for (int i = 0; i < Constants.Length; i++) constants.Set($"c{i}", Constants[i]);
            if (Module is PickleObject { State: PickleDict state })
                foreach (var (k, v) in state.Items) dict.Set(k, v);
            if (constants.Count > 0) dict.Set("CONSTANTS", constants);
            return dict;
        }
    }

    // ---- legacy stream -----------------------------------------------------------------------------------------

    private static PyTorchFile ReadLegacy(PyTorchArchive archive)
    {
        var path = archive.Path;
        var limits = archive.Limits;
        var storages = new Dictionary<string, PickleStorage>(StringComparer.Ordinal);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024);

        object? Refuse(object?[] pid, long offset) => throw new ModelBuildException(DiagnosticCode.PickleInvalid, path, $"legacy header pickle at byte {offset}: a persistent id where none belongs");
        var magic = new PickleReader(path, "legacy pickle #0 (magic number)", limits, Refuse).Read(stream);
        if (magic is not BigInteger big || big != BigInteger.Parse("1950a86a20f9469cfc6c", System.Globalization.NumberStyles.HexNumber))
            PyTorchThrowHelper.Archive(path, null, "the legacy stream does not start with PyTorch's magic number");
        var protocol = new PickleReader(path, "legacy pickle #1 (protocol version)", limits, Refuse).Read(stream);
        if (protocol is not long p || p != PyTorchLayout.LegacyProtocolVersion)
            PyTorchThrowHelper.Archive(path, null, $"the legacy protocol version is {PickleReader.Describe(protocol)}, not {PyTorchLayout.LegacyProtocolVersion}");
        var sysInfo = new PickleReader(path, "legacy pickle #2 (system info)", limits, Refuse).Read(stream);
        if (sysInfo is not PickleDict info) { PyTorchThrowHelper.Archive(path, null, "the legacy system-info pickle is not a dict"); return null!; }
        if (info.TryGetValue("little_endian", out var little) && little is false)
            throw new ModelBuildException(DiagnosticCode.UnsupportedFeature, path, "the legacy file was written on a big-endian machine; ModelBuild reads little-endian files only");

        var objectReader = new PickleReader(path, "legacy pickle #3 (the saved object)", limits, (pid, offset) =>
        {
            if (pid is ["module", PickleGlobal moduleClass, ..]) return moduleClass; // whole-module source: never run
            var storage = ParseStoragePid(path, "legacy pickle #3", pid, offset, legacy: true);
            return Register(storages, path, storage);
        });
        var root = objectReader.Read(stream);
        var keys = new PickleReader(path, "legacy pickle #4 (storage keys)", limits, Refuse).Read(stream);
        if (keys is not List<object?> keyList || keyList.Any(k => k is not string))
        {
            PyTorchThrowHelper.Archive(path, null, "the legacy storage-key pickle is not a list of strings");
            return null!;
        }

        // After the pickles: for each key in that order, an int64 element count and the raw little-endian bytes.
        var dataOffsets = new Dictionary<string, long>(StringComparer.Ordinal);
        var count = new byte[8];
        foreach (string key in keyList.Cast<string>())
        {
            if (!storages.TryGetValue(key, out var storage))
                PyTorchThrowHelper.Archive(path, $"storage '{key}'", "is listed after the pickles but no tensor uses it");
            if (stream.Length - stream.Position < 8) PyTorchThrowHelper.Storage(path, $"storage '{key}'", $"the file ends at byte {stream.Length} before the storage's element count (truncated)");
            stream.ReadExactly(count);
            long numel = BinaryPrimitives.ReadInt64LittleEndian(count);
            if (numel != storage.ElementCount)
                PyTorchThrowHelper.Storage(path, $"storage '{key}'", $"the data section says {numel} elements but the pickle declares {storage.ElementCount}");
            long bytes = StorageBytes(path, storage);
            if (bytes > stream.Length - stream.Position)
                PyTorchThrowHelper.Storage(path, $"storage '{key}'", $"needs {bytes} bytes at byte {stream.Position} but the file ends at {stream.Length} (truncated)");
            if (!dataOffsets.TryAdd(key, stream.Position)) PyTorchThrowHelper.Archive(path, $"storage '{key}'", "is listed twice");
            stream.Seek(bytes, SeekOrigin.Current);
        }
        var missing = storages.Keys.Where(k => !dataOffsets.ContainsKey(k)).ToArray();
        if (missing.Length > 0) PyTorchThrowHelper.Storage(path, $"storage '{missing[0]}'", "is used by a tensor but its data is not in the file");

        TensorData Materialize(PickleTensor tensor, string name)
        {
            var storage = tensor.Storage;
            int size = DataTypes.SizeOf(storage.DataType);
            return TensorData.FromFile(path, dataOffsets[storage.Key] + tensor.StorageOffset * size, (storage.ElementCount - tensor.StorageOffset) * size,
                storage.DataType, tensor.Shape, Contiguous(tensor) ? null : tensor.Strides);
        }

        return new PyTorchFile(path, PyTorchFormat.Legacy, null, root, objectReader.ClassReferences.Select(c => c.QualifiedName).ToArray(), Materialize) { Limits = limits };
    }

    // ---- storages ----------------------------------------------------------------------------------------------

    /// <summary>Zip: <c>('storage', StorageType, key, location, numel)</c>; legacy adds a 6th view field (None).</summary>
    private static PickleStorage ParseStoragePid(string path, string where, object?[] pid, long offset, bool legacy)
    {
        string Shape() => $"{where} at byte {offset}: persistent id ({string.Join(", ", pid.Select(PickleReader.Describe))})";
        if (pid.Length != (legacy ? 6 : 5) || pid[0] is not "storage")
            throw new ModelBuildException(DiagnosticCode.PickleInvalid, path, $"{Shape()} is not ('storage', <StorageType>, key, location, numel{(legacy ? ", view" : "")})");
        if (pid[1] is not PickleGlobal { Kind: PickleGlobalKind.StorageType } type)
            throw new ModelBuildException(DiagnosticCode.PickleInvalid, path, $"{Shape()}: the storage type is not a torch.*Storage the reader knows");
        if (pid[2] is not string key || !StorageKey().IsMatch(key))
            throw new ModelBuildException(DiagnosticCode.PickleInvalid, path, $"{Shape()}: the storage key is not a plain name");
        if (pid[3] is not string location) throw new ModelBuildException(DiagnosticCode.PickleInvalid, path, $"{Shape()}: the location is not a string");
        if (pid[4] is not long numel || numel < 0) throw new ModelBuildException(DiagnosticCode.PickleInvalid, path, $"{Shape()}: the element count is not a non-negative integer");
        if (legacy && pid[5] is not null)
            throw new ModelBuildException(DiagnosticCode.UnsupportedFeature, path, $"{Shape()}: legacy storage views (torch < 0.4) are not supported");
        return new PickleStorage(key, type.Name, PyTorchDataTypes.FromStorageType(type.Name), location, numel);
    }

    private static PickleStorage Register(Dictionary<string, PickleStorage> storages, string path, PickleStorage storage)
    {
        if (storages.TryGetValue(storage.Key, out var known))
        {
            if (known.DataType != storage.DataType || known.ElementCount != storage.ElementCount)
                PyTorchThrowHelper.Storage(path, $"storage '{storage.Key}'", $"is declared twice, as {known.ElementCount} × {known.TypeName} and as {storage.ElementCount} × {storage.TypeName}");
            return known;
        }
        storages[storage.Key] = storage;
        return storage;
    }

    private static long StorageBytes(string path, PickleStorage storage)
    {
        try
        {
            return checked(storage.ElementCount * DataTypes.SizeOf(storage.DataType));
        }
        catch (OverflowException)
        {
            PyTorchThrowHelper.Storage(path, $"storage '{storage.Key}'", $"declares {storage.ElementCount} elements, which overflows a byte count");
            return 0;
        }
    }

    private static bool Contiguous(PickleTensor tensor)
    {
        long expected = 1;
        for (int d = tensor.Shape.Length - 1; d >= 0; d--)
        {
            if (tensor.Shape[d] != 1 && tensor.Strides[d] != expected) return false;
            expected *= tensor.Shape[d];
        }
        return true;
    }

    /// <summary>A view of an in-memory storage (a deflated record), copied out contiguously.</summary>
    private static TensorData Gather(byte[] storage, PickleTensor tensor)
    {
        int size = DataTypes.SizeOf(tensor.Storage.DataType);
        long count = 1;
        foreach (var d in tensor.Shape) count *= d;
        var result = new byte[count * size];
        var index = new long[tensor.Shape.Length];
        for (long n = 0; n < count; n++)
        {
            long element = tensor.StorageOffset;
            for (int d = 0; d < index.Length; d++) element += index[d] * tensor.Strides[d];
            Buffer.BlockCopy(storage, (int)(element * size), result, (int)(n * size), size);
            for (int d = index.Length - 1; d >= 0; d--)
            {
                if (++index[d] < tensor.Shape[d]) break;
                index[d] = 0;
            }
        }
        return TensorData.FromBytes(result, tensor.Storage.DataType, tensor.Shape);
    }

    [GeneratedRegex("^[A-Za-z0-9_.]{1,128}$")]
    private static partial Regex StorageKey();
}
