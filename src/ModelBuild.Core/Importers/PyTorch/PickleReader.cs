using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text;
using ModelBuild.Core.Diagnostics;

namespace ModelBuild.Core.Importers.PyTorch;

/// <summary>
/// A pickle reader that never runs code: a bounded stack machine over the opcodes PyTorch files use (protocol 2,
/// the protocol 0/1 opcodes legacy files carry, and the protocol 3/4 ones <c>pickle_protocol=4</c> adds). Globals
/// are resolved by <see cref="PickleAllowlist"/> as they are read, so a refused name stops the read before any later
/// opcode; REDUCE runs only the few functions implemented here; unknown classes stay inert records. Every length is
/// checked against the remaining input and <see cref="PyTorchLimits"/> before anything is allocated.
/// </summary>
public sealed class PickleReader
{
    /// <summary>Turns a persistent id tuple into a value (a storage); given the tuple and the opcode's offset.</summary>
    public delegate object? PersistentLoader(object?[] pid, long offset);

    private static readonly object Mark = new();
    private readonly string _path;
    private readonly string _where;
    private readonly PyTorchLimits _limits;
    private readonly PersistentLoader _persistentLoad;
    private readonly List<object?> _stack = [];
    private readonly List<int> _marks = [];
    private readonly Dictionary<long, object?> _memo = [];
    private readonly SortedDictionary<string, PickleGlobal> _classes = new(StringComparer.Ordinal);
    private Stream _input = Stream.Null;
    private long _opcodeOffset;
    private byte _opcode;

    /// <param name="path">The file, for messages.</param>
    /// <param name="where">The record or part of the file (<c>data.pkl</c>, <c>pickle #3</c>), for messages.</param>
    public PickleReader(string path, string where, PyTorchLimits limits, PersistentLoader persistentLoad)
    {
        _path = path;
        _where = where;
        _limits = limits;
        _persistentLoad = persistentLoad;
    }

    /// <summary>Classes the pickle named that the reader kept as inert references, by qualified name.</summary>
    public IReadOnlyCollection<PickleGlobal> ClassReferences => _classes.Values;

    /// <summary>Reads one pickle from the stream's position up to and including STOP; returns the value it builds.</summary>
    public object? Read(Stream input)
    {
        _input = input;
        _stack.Clear();
        _marks.Clear();
        _memo.Clear();
        while (true)
        {
            _opcodeOffset = _input.Position;
            int next = _input.ReadByte();
            if (next < 0) throw Invalid("the pickle ends before its STOP opcode (truncated)");
            _opcode = (byte)next;
            if (_opcode == (byte)'.')
            {
                if (_marks.Count != 0) throw Invalid("STOP with an open MARK");
                if (_stack.Count != 1) throw Invalid($"STOP with {_stack.Count} values on the stack instead of 1");
                return _stack[0];
            }
            Step();
        }
    }

    private void Step()
    {
        switch (_opcode)
        {
            case 0x80: // PROTO
                int protocol = ReadU8();
                if (protocol > 4) throw Invalid($"pickle protocol {protocol} is not supported (PyTorch writes 2; 3 and 4 are read)");
                break;
            case 0x95: // FRAME: only a hint; the length must still fit.
                ulong frame = BinaryPrimitives.ReadUInt64LittleEndian(ReadSpan(8));
                if (frame > (ulong)Remaining) throw Invalid($"FRAME declares {frame} bytes but only {Remaining} remain");
                break;
            case (byte)'(': // MARK
                if (_marks.Count >= _limits.MaxMarkDepth) throw Limit($"more than {_limits.MaxMarkDepth} nested MARKs");
                _marks.Add(_stack.Count);
                break;
            case (byte)'0': Pop(); break; // POP
            case (byte)'1': PopMark(); break; // POP_MARK
            case (byte)'2': Push(Peek()); break; // DUP
            case (byte)'N': Push(null); break;
            case 0x88: Push(true); break; // NEWTRUE
            case 0x89: Push(false); break; // NEWFALSE
            case (byte)'K': Push((long)ReadU8()); break; // BININT1
            case (byte)'M': Push((long)BinaryPrimitives.ReadUInt16LittleEndian(ReadSpan(2))); break; // BININT2
            case (byte)'J': Push((long)BinaryPrimitives.ReadInt32LittleEndian(ReadSpan(4))); break; // BININT
            case 0x8A: Push(ReadLong(ReadU8())); break; // LONG1
            case 0x8B: // LONG4
                Push(ReadLong(BinaryPrimitives.ReadInt32LittleEndian(ReadSpan(4))));
                break;
            case (byte)'I': Push(ParseIntLine(ReadLine())); break; // INT (protocol 0)
            case (byte)'L': Push(ParseIntLine(ReadLine().TrimEnd('L'))); break; // LONG (protocol 0)
            case (byte)'G': Push(BinaryPrimitives.ReadDoubleBigEndian(ReadSpan(8))); break; // BINFLOAT: big-endian
            case (byte)'F': // FLOAT (protocol 0)
                var floatText = ReadLine();
                if (!double.TryParse(floatText, NumberStyles.Float, CultureInfo.InvariantCulture, out var f)) throw Invalid($"FLOAT '{Shorten(floatText)}' is not a number");
                Push(f);
                break;
            case (byte)'X': Push(ReadUtf8(BinaryPrimitives.ReadUInt32LittleEndian(ReadSpan(4)))); break; // BINUNICODE
            case 0x8C: Push(ReadUtf8((ulong)ReadU8())); break; // SHORT_BINUNICODE
            case 0x8D: Push(ReadUtf8(BinaryPrimitives.ReadUInt64LittleEndian(ReadSpan(8)))); break; // BINUNICODE8
            case (byte)'T': Push(ReadLatin1(BinaryPrimitives.ReadInt32LittleEndian(ReadSpan(4)))); break; // BINSTRING
            case (byte)'U': Push(ReadLatin1(ReadU8())); break; // SHORT_BINSTRING
            case (byte)'B': Push(ReadBytes(BinaryPrimitives.ReadUInt32LittleEndian(ReadSpan(4)))); break; // BINBYTES
            case (byte)'C': Push(ReadBytes((ulong)ReadU8())); break; // SHORT_BINBYTES
            case 0x8E: Push(ReadBytes(BinaryPrimitives.ReadUInt64LittleEndian(ReadSpan(8)))); break; // BINBYTES8
            case (byte)'V': Push(ReadLine()); break; // UNICODE (protocol 0, raw-unicode-escape; ASCII in practice)
            case (byte)')': Push(Array.Empty<object?>()); break; // EMPTY_TUPLE
            case 0x85: Push(PopN(1)); break; // TUPLE1
            case 0x86: Push(PopN(2)); break; // TUPLE2
            case 0x87: Push(PopN(3)); break; // TUPLE3
            case (byte)'t': Push(PopMark()); break; // TUPLE
            case (byte)']': Push(new List<object?>()); break; // EMPTY_LIST
            case (byte)'l': Push(new List<object?>(PopMark())); break; // LIST
            case (byte)'}': Push(new PickleDict()); break; // EMPTY_DICT
            case (byte)'d': // DICT
                var dictItems = PopMark();
                var dict = new PickleDict();
                SetItems(dict, dictItems);
                Push(dict);
                break;
            case 0x8F: Push(new PickleSet()); break; // EMPTY_SET
            case 0x91: // FROZENSET
                var frozen = new PickleSet();
                frozen.Items.AddRange(PopMark());
                Push(frozen);
                break;
            case (byte)'a': // APPEND
                var appended = Pop();
                AddTo(Peek(), [appended]);
                break;
            case (byte)'e': // APPENDS
                var appends = PopMark();
                AddTo(Peek(), appends);
                break;
            case 0x90: // ADDITEMS
                var additions = PopMark();
                if (Peek() is not PickleSet set) throw Invalid($"ADDITEMS on {Describe(Peek())}, not a set");
                CheckLength(set.Items.Count + (long)additions.Length);
                set.Items.AddRange(additions);
                break;
            case (byte)'s': // SETITEM
                var value = Pop();
                var key = Pop();
                SetItems(Peek(), [key, value]);
                break;
            case (byte)'u': // SETITEMS
                var pairs = PopMark();
                SetItems(Peek(), pairs);
                break;
            case (byte)'q': Memoize(ReadU8()); break; // BINPUT
            case (byte)'r': Memoize(BinaryPrimitives.ReadUInt32LittleEndian(ReadSpan(4))); break; // LONG_BINPUT
            case (byte)'p': Memoize(ParseIndexLine(ReadLine())); break; // PUT
            case 0x94: Memoize(_memo.Count); break; // MEMOIZE
            case (byte)'h': Push(Recall(ReadU8())); break; // BINGET
            case (byte)'j': Push(Recall(BinaryPrimitives.ReadUInt32LittleEndian(ReadSpan(4)))); break; // LONG_BINGET
            case (byte)'g': Push(Recall(ParseIndexLine(ReadLine()))); break; // GET
            case (byte)'c': // GLOBAL
                var module = ReadLine();
                var name = ReadLine();
                Push(ResolveGlobal(module, name));
                break;
            case 0x93: // STACK_GLOBAL
                var stackName = Pop();
                var stackModule = Pop();
                if (stackModule is not string m || stackName is not string n)
                    throw Invalid($"STACK_GLOBAL needs two strings, got {Describe(stackModule)} and {Describe(stackName)}");
                Push(ResolveGlobal(m, n));
                break;
            case (byte)'R': // REDUCE
                var arguments = Pop();
                var callable = Pop();
                if (arguments is not object?[] args) throw Invalid($"REDUCE arguments are {Describe(arguments)}, not a tuple");
                Push(Reduce(callable, args));
                break;
            case 0x81: // NEWOBJ
                var newArguments = Pop();
                var type = Pop();
                if (newArguments is not object?[] newArgs) throw Invalid($"NEWOBJ arguments are {Describe(newArguments)}, not a tuple");
                Push(NewObject(type, newArgs));
                break;
            case (byte)'b': // BUILD
                var state = Pop();
                Build(Peek(), state);
                break;
            case (byte)'Q': // BINPERSID
                var pid = Pop();
                if (pid is not object?[] pidTuple) throw Invalid($"persistent id is {Describe(pid)}; only ('storage', <StorageType>, key, location, numel) tuples are allowed");
                Push(_persistentLoad(pidTuple, _opcodeOffset));
                break;
            case (byte)'P': throw Invalid("text persistent ids (PERSID) are not used by PyTorch and are refused");
            case (byte)'i' or (byte)'o' or 0x92:
                throw Invalid("INST/OBJ/NEWOBJ_EX instantiate classes and are not used by PyTorch files; refused");
            case 0x82 or 0x83 or 0x84: throw Invalid("extension-registry opcodes (EXT1/2/4) are refused");
            case 0x96 or 0x97 or 0x98: throw Invalid("protocol-5 buffer opcodes are refused (PyTorch never writes them)");
            default: throw Invalid("unknown opcode");
        }
    }

    // ---- operands -------------------------------------------------------------------------------------------

    private long Remaining => _input.Length - _input.Position;

    private int ReadU8()
    {
        int b = _input.ReadByte();
        if (b < 0) throw Invalid("the pickle ends inside an operand (truncated)");
        return b;
    }

    private ReadOnlySpan<byte> ReadSpan(int count)
    {
        var buffer = new byte[count];
        if (_input.ReadAtLeast(buffer, count, throwOnEndOfStream: false) != count) throw Invalid("the pickle ends inside an operand (truncated)");
        return buffer;
    }

    private byte[] ReadRaw(ulong count, string what)
    {
        if (count > (ulong)Remaining) throw Limit($"{what} declares {count} bytes but only {Remaining} remain in the input");
        if (count > int.MaxValue) throw Limit($"{what} declares {count} bytes, above the 2 GiB a single value may hold");
        var bytes = new byte[(int)count];
        _input.ReadExactly(bytes);
        return bytes;
    }

    private string ReadUtf8(ulong count)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(ReadRaw(count, "a string"));
        }
        catch (DecoderFallbackException)
        {
            throw Invalid("a string is not valid UTF-8");
        }
    }

    private string ReadLatin1(long count)
    {
        if (count < 0) throw Invalid($"a string declares a negative length ({count})");
        return Encoding.Latin1.GetString(ReadRaw((ulong)count, "a string"));
    }

    private byte[] ReadBytes(ulong count) => ReadRaw(count, "a bytes value");

    /// <summary>A protocol-0 text operand up to '\n'; bounded by the remaining input and 64 KiB.</summary>
    private string ReadLine()
    {
        var sb = new StringBuilder();
        while (true)
        {
            int b = _input.ReadByte();
            if (b < 0) throw Invalid("the pickle ends inside a text operand (truncated)");
            if (b == '\n') return sb.ToString();
            if (sb.Length >= 65536) throw Limit("a text operand is longer than 64 KiB");
            sb.Append((char)b);
        }
    }

    private object ReadLong(long count)
    {
        if (count < 0) throw Invalid($"LONG declares a negative length ({count})");
        if (count > 16) throw Limit($"a LONG of {count} bytes is wider than the 16 bytes the reader accepts");
        var bytes = ReadRaw((ulong)count, "a LONG");
        if (count <= 8)
        {
            long value = 0;
            for (int i = (int)count - 1; i >= 0; i--) value = (value << 8) | bytes[i];
            if (count is > 0 and < 8 && (bytes[count - 1] & 0x80) != 0) value -= 1L << (int)(count * 8);
            return value;
        }
        return new BigInteger(bytes, isUnsigned: false, isBigEndian: false);
    }

    private object ParseIntLine(string text)
    {
        if (text == "01") return true;
        if (text == "00") return false;
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) throw Invalid($"integer '{Shorten(text)}' is not a 64-bit number");
        return value;
    }

    private long ParseIndexLine(string text)
    {
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) throw Invalid($"memo index '{Shorten(text)}' is not a number");
        return value;
    }

    // ---- stack, marks, memo -----------------------------------------------------------------------------------

    private void Push(object? value)
    {
        if (_stack.Count >= _limits.MaxStackSize) throw Limit($"more than {_limits.MaxStackSize} values on the stack");
        _stack.Add(value);
    }

    private object? Pop()
    {
        int floor = _marks.Count > 0 ? _marks[^1] : 0;
        if (_stack.Count <= floor) throw Invalid("stack underflow");
        var value = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        return value;
    }

    private object? Peek()
    {
        int floor = _marks.Count > 0 ? _marks[^1] : 0;
        if (_stack.Count <= floor) throw Invalid("stack underflow");
        return _stack[^1];
    }

    private object?[] PopN(int count)
    {
        var values = new object?[count];
        for (int i = count - 1; i >= 0; i--) values[i] = Pop();
        return values;
    }

    private object?[] PopMark()
    {
        if (_marks.Count == 0) throw Invalid("no MARK to pop to");
        int start = _marks[^1];
        _marks.RemoveAt(_marks.Count - 1);
        var values = _stack.GetRange(start, _stack.Count - start).ToArray();
        _stack.RemoveRange(start, _stack.Count - start);
        CheckLength(values.Length);
        return values;
    }

    private void Memoize(long index)
    {
        if (_stack.Count == 0) throw Invalid("memo store with an empty stack");
        if (!_memo.ContainsKey(index) && _memo.Count >= _limits.MaxMemoSize) throw Limit($"more than {_limits.MaxMemoSize} memo entries");
        _memo[index] = _stack[^1];
    }

    private object? Recall(long index)
    {
        if (!_memo.TryGetValue(index, out var value)) throw Invalid($"memo index {index} was never stored ({_memo.Count} entries)");
        return value;
    }

    private void CheckLength(long length)
    {
        if (length > _limits.MaxContainerLength) throw Limit($"a container of {length} elements, above the limit of {_limits.MaxContainerLength}");
    }

    // ---- containers ------------------------------------------------------------------------------------------

    private void AddTo(object? target, object?[] values)
    {
        if (target is not List<object?> list) throw Invalid($"APPEND on {Describe(target)}, not a list");
        CheckLength(list.Count + (long)values.Length);
        list.AddRange(values);
    }

    private void SetItems(object? target, object?[] pairs)
    {
        if (target is not PickleDict dict) throw Invalid($"SETITEM on {Describe(target)}, not a dict");
        if (pairs.Length % 2 != 0) throw Invalid("SETITEMS with an odd number of values");
        CheckLength(dict.Count + (long)pairs.Length / 2);
        for (int i = 0; i < pairs.Length; i += 2) dict.Set(pairs[i], pairs[i + 1]);
    }

    private void Build(object? target, object? state)
    {
        switch (target)
        {
            case PickleObject obj: obj.State = state; break;
            case PickleDict dict: dict.Attributes = state; break; // OrderedDict._metadata: attributes, not entries
            case PickleTensor: break; // _rebuild_parameter_with_state attributes: nothing a converter needs
            default: throw Invalid($"BUILD on {Describe(target)}; only class records, dicts and tensors take state");
        }
    }

    // ---- globals and calls -----------------------------------------------------------------------------------

    private PickleGlobal ResolveGlobal(string module, string name)
    {
        var resolved = PickleAllowlist.Resolve(module, name, out var refusal);
        if (resolved is null)
            throw new ModelBuildException(DiagnosticCode.PickleGlobalRefused, _path,
                $"{_where} at byte {_opcodeOffset}: the pickle names '{Shorten(module)}.{Shorten(name)}', which is refused because {refusal}. Nothing was executed.");
        if (resolved.Kind == PickleGlobalKind.ClassReference) _classes.TryAdd(resolved.QualifiedName, resolved);
        return resolved;
    }

    private object NewObject(object? type, object?[] args)
    {
        if (type is PickleGlobal { Kind: PickleGlobalKind.ClassReference } cls) return new PickleObject(cls, args);
        if (type is PickleGlobal { QualifiedName: "collections.OrderedDict" } && args.Length == 0) return new PickleDict();
        throw Invalid($"NEWOBJ on {Describe(type)}; only class references are instantiated (as inert records)");
    }

    private object? Reduce(object? callable, object?[] args)
    {
        if (callable is not PickleGlobal { Kind: PickleGlobalKind.Function } function)
            throw new ModelBuildException(DiagnosticCode.PickleGlobalRefused, _path,
                $"{_where} at byte {_opcodeOffset}: REDUCE calls {Describe(callable)}, which is not an allowlisted function. Nothing was executed.");
        switch (function.QualifiedName)
        {
            case "collections.OrderedDict":
                var dict = new PickleDict();
                if (args.Length == 1 && args[0] is List<object?> pairs)
                    foreach (var pair in pairs)
                        if (pair is object?[] { Length: 2 } kv) dict.Set(kv[0], kv[1]);
                        else throw Invalid("OrderedDict items are not (key, value) pairs");
                else if (args.Length != 0) throw Invalid("OrderedDict takes no arguments or a list of pairs");
                return dict;
            case "torch._utils._rebuild_tensor_v2" or "torch._utils._rebuild_tensor":
                return RebuildTensor(args, function.QualifiedName.EndsWith("v2", StringComparison.Ordinal));
            case "torch._utils._rebuild_parameter" or "torch._utils._rebuild_parameter_with_state":
                if (args.Length < 2 || args[0] is not PickleTensor tensor) throw Invalid($"{function.Name} needs a tensor first");
                return tensor with { IsParameter = true, RequiresGrad = args[1] is true };
            case "torch.Size":
                if (args.Length != 1 || args[0] is not object?[] dims) throw Invalid("torch.Size needs one tuple");
                return dims;
            case "torch.device":
                if (args.Length is < 1 or > 2 || args[0] is not string device) throw Invalid("torch.device needs a string");
                return args.Length == 2 ? $"{device}:{args[1]}" : device;
            case "builtins.set" or "builtins.frozenset" or "__builtin__.set" or "__builtin__.frozenset":
                var set = new PickleSet();
                if (args.Length == 1 && args[0] is List<object?> items) set.Items.AddRange(items);
                else if (args.Length != 0) throw Invalid("set takes no arguments or a list");
                return set;
            case "builtins.slice" or "__builtin__.slice":
                return args;
            case "_codecs.encode":
                if (args is not [string text, string encoding] || encoding is not ("latin1" or "latin-1"))
                    throw Invalid("_codecs.encode is only read as (str, 'latin1'), the way protocol 2 stores bytes");
                foreach (var c in text)
                    if (c > 0xFF) throw Invalid("_codecs.encode text has a character outside latin-1");
                return Encoding.Latin1.GetBytes(text);
            case "torch.jit._pickle.restore_type_tag":
                if (args.Length != 2) throw Invalid("restore_type_tag takes (value, type)");
                return args[0];
            default: // torch.jit._pickle.build_*list
                if (args.Length != 1 || args[0] is not List<object?> list) throw Invalid($"{function.Name} needs one list");
                return list;
        }
    }

    private PickleTensor RebuildTensor(object?[] args, bool v2)
    {
        if (args.Length < 4) throw Invalid($"a tensor rebuild has {args.Length} arguments, expected at least 4");
        if (args[0] is not PickleStorage storage) throw Invalid($"a tensor rebuild's storage is {Describe(args[0])}, not a persistent storage");
        if (args[1] is not long offset) throw Invalid("a tensor's storage offset is not an integer");
        var shape = ToLongs(args[2], "size");
        var strides = ToLongs(args[3], "stride");
        bool requiresGrad = v2 && args.Length > 4 && args[4] is true;
        if (shape.Length != strides.Length) throw StorageError($"a tensor has {shape.Length} sizes but {strides.Length} strides");
        if (shape.Length > _limits.MaxRank) throw StorageError($"a tensor of rank {shape.Length}, above the limit of {_limits.MaxRank}");
        CheckView(storage, offset, shape, strides);
        return new PickleTensor(storage, offset, shape, strides, requiresGrad);
    }

    /// <summary>The view must stay inside the storage: offset + Σ (size−1)·stride &lt; numel, in checked arithmetic.</summary>
    private void CheckView(PickleStorage storage, long offset, long[] shape, long[] strides)
    {
        string view = $"view (offset {offset}, size [{string.Join(",", shape)}], stride [{string.Join(",", strides)}]) of storage '{storage.Key}' ({storage.ElementCount} elements)";
        if (offset < 0) throw StorageError($"{view} has a negative offset");
        if (shape.Any(d => d < 0) || strides.Any(s => s < 0)) throw StorageError($"{view} has a negative size or stride");
        if (shape.Any(d => d == 0)) return;
        try
        {
            long last = offset;
            long count = 1;
            for (int i = 0; i < shape.Length; i++)
            {
                last = checked(last + checked((shape[i] - 1) * strides[i]));
                count = checked(count * shape[i]);
            }
            if (last >= storage.ElementCount) throw StorageError($"{view} reaches element {last}, outside the storage");
        }
        catch (OverflowException)
        {
            throw StorageError($"{view} overflows 64-bit arithmetic");
        }
    }

    private long[] ToLongs(object? value, string what)
    {
        if (value is not object?[] items) throw Invalid($"a tensor's {what} is {Describe(value)}, not a tuple");
        var result = new long[items.Length];
        for (int i = 0; i < items.Length; i++)
            result[i] = items[i] is long l ? l : throw Invalid($"a tensor's {what} holds {Describe(items[i])}, not an integer");
        return result;
    }

    // ---- errors ----------------------------------------------------------------------------------------------

    private string Position => $"{_where} at byte {_opcodeOffset} (opcode 0x{_opcode:x2}{(_opcode is >= 0x20 and < 0x7F ? $" '{(char)_opcode}'" : "")})";

    private ModelBuildException Invalid(string message) => new(DiagnosticCode.PickleInvalid, _path, $"{Position}: {message}");

    private ModelBuildException Limit(string message) => new(DiagnosticCode.PickleLimitExceeded, _path, $"{Position}: {message}");

    private ModelBuildException StorageError(string message) => new(DiagnosticCode.PyTorchStorageInvalid, _path, $"{Position}: {message}");

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    internal static string Describe(object? value) => value switch
    {
        null => "None",
        string s => $"the string '{Shorten(s)}'",
        long or BigInteger => $"the integer {value}",
        bool b => b ? "True" : "False",
        double => "a float",
        byte[] => "bytes",
        object?[] t => $"a tuple of {t.Length}",
        List<object?> l => $"a list of {l.Count}",
        PickleDict => "a dict",
        PickleSet => "a set",
        PickleGlobal g => $"'{g.QualifiedName}'",
        PickleObject o => $"a {o.Type.QualifiedName} object",
        PickleStorage => "a storage",
        PickleTensor => "a tensor",
        _ => value.GetType().Name,
    };
}
