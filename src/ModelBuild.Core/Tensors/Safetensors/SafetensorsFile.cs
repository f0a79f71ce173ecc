using System.IO.MemoryMappedFiles;

namespace ModelBuild.Core.Tensors.Safetensors;

/// <summary>
/// A validated safetensors file. <see cref="Tensors"/> are file regions for streaming; <see cref="GetBytes"/>
/// gives zero-copy access through a memory map for callers that look at small tensors. The map is made on
/// first use, so callers that only stream never hold one.
/// </summary>
public sealed unsafe class SafetensorsFile : IDisposable
{
    private readonly Dictionary<string, NamedTensor> _byName;
    private readonly long _expectedLength;
    private readonly Lock _gate = new();
    private MemoryMappedFile? _map;
    private MemoryMappedViewAccessor? _view;
    private byte* _base;
    private bool _disposed;

    internal SafetensorsFile(string path, long dataStart, long fileLength, IReadOnlyList<NamedTensor> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        Path = path;
        DataStart = dataStart;
        _expectedLength = fileLength;
        Tensors = tensors;
        Metadata = metadata;
        _byName = tensors.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    /// <summary>Full path of the file.</summary>
    public string Path { get; }

    /// <summary>Absolute offset of the data section (8 + header length).</summary>
    public long DataStart { get; }

    /// <summary>Tensors in data order (by begin offset; header order breaks ties).</summary>
    public IReadOnlyList<NamedTensor> Tensors { get; }

    /// <summary>The header's <c>__metadata__</c>; empty when it has none.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    public bool TryGetTensor(string name, out NamedTensor tensor) => _byName.TryGetValue(name, out tensor!);

    /// <summary>
    /// The bytes of tensor <paramref name="name"/>, read straight from the mapped file. The span is valid until
    /// this object is disposed. Tensors of 2 GiB or more do not fit a span; stream those with
    /// <see cref="TensorData.CopyTo"/>.
    /// </summary>
    public ReadOnlySpan<byte> GetBytes(string name)
    {
        if (!_byName.TryGetValue(name, out var tensor))
            throw new KeyNotFoundException($"{System.IO.Path.GetFileName(Path)} has no tensor named '{name}'.");
        var data = tensor.Data;
        if (data.Length > int.MaxValue)
            throw new InvalidOperationException($"Tensor '{name}' is {data.Length} bytes, too large for a span; stream it with TensorData.CopyTo.");
        if (data.Length == 0) return ReadOnlySpan<byte>.Empty;
        byte* start = EnsureMapped();
        return new ReadOnlySpan<byte>(start + data.Offset, (int)data.Length);
    }

    private byte* EnsureMapped()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_base != null) return _base;

            var map = MemoryMappedFile.CreateFromFile(Path, FileMode.Open, mapName: null, capacity: 0, MemoryMappedFileAccess.Read);
            try
            {
                var view = map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
                // The header was validated against the file as it was then; a file that shrank since would make
                // the validated offsets point past the map.
                if (view.Capacity < _expectedLength)
                {
                    view.Dispose();
                    SafetensorsThrowHelper.ThrowRange(Path, $"the file shrank from {_expectedLength} to {view.Capacity} bytes after its header was read.");
                }
                byte* pointer = null;
                view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
                _map = map;
                _view = view;
                _base = pointer + view.PointerOffset;
                return _base;
            }
            catch
            {
                if (_view is null) map.Dispose();
                throw;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            if (_view is not null)
            {
                _view.SafeMemoryMappedViewHandle.ReleasePointer();
                _view.Dispose();
            }
            _map?.Dispose();
            _base = null;
        }
    }
}
