namespace ModelBuild.Core.Exporters.Ort;

/// <summary>
/// <c>InferenceSession.kernel_type_str_resolver</c> of ort.fbs: per operator (<c>op_id</c>, e.g.
/// <c>":Conv:11"</c>), per kernel type string (<c>"T"</c>), the inputs and outputs that string types. ONNX Runtime
/// fills it from hash maps whose iteration order changes per process, so the same model gives the same entries
/// written in a different order; <see cref="Canonical"/> is the one order every process agrees on.
/// Strings are kept as their UTF-8 bytes: FlatBuffers compares keys bytewise, and bytes round-trip exactly.
/// </summary>
internal sealed record OrtKernelTypeStrResolver(IReadOnlyList<OrtOpKernelTypeStrArgs> Ops)
{
    public const int OpKernelTypeStrArgsField = 0;

    /// <summary>
    /// Operators sorted by <c>op_id</c> and type strings by <c>kernel_type_str</c>, both bytewise: ort.fbs marks
    /// them <c>(key)</c> and ONNX Runtime binary-searches them, so this is also the only order it accepts. The args
    /// of one type string come from the operator schema's input and output lists; sorting them by (arg type, index)
    /// keeps that order and pins it should a writer ever produce them otherwise. ONNX Runtime rejects duplicate keys
    /// when it loads the file; so does this, since a sorted order with ties is not canonical.
    /// </summary>
    public OrtKernelTypeStrResolver Canonical(string path)
    {
        var ops = Ops
            .Select(op => op with { KernelTypeStrArgs = SortedByKey(op.KernelTypeStrArgs.Select(Canonical).ToList(), e => e.KernelTypeStr, path, "kernel type string") })
            .ToList();
        return new OrtKernelTypeStrResolver(SortedByKey(ops, op => op.OpId, path, "op id"));
    }

    private static OrtKernelTypeStrArgs Canonical(OrtKernelTypeStrArgs entry) =>
        entry with { Args = entry.Args.OrderBy(a => a.ArgType).ThenBy(a => a.Index).ToList() };

    private static List<T> SortedByKey<T>(List<T> items, Func<T, byte[]> key, string path, string what)
    {
        items.Sort((a, b) => key(a).AsSpan().SequenceCompareTo(key(b)));
        for (int i = 1; i < items.Count; i++)
        {
            if (key(items[i - 1]).AsSpan().SequenceEqual(key(items[i])))
                throw OrtThrowHelper.UnexpectedLayout(path, 0, $"the kernel type string resolver lists {what} '{System.Text.Encoding.UTF8.GetString(key(items[i]))}' twice");
        }
        return items;
    }
}

/// <summary><c>OpIdKernelTypeStrArgsEntry</c>: one operator's type strings.</summary>
internal sealed record OrtOpKernelTypeStrArgs(byte[] OpId, IReadOnlyList<OrtKernelTypeStrArgs> KernelTypeStrArgs)
{
    public const int OpIdField = 0;
    public const int KernelTypeStrArgsField = 1;
}

/// <summary><c>KernelTypeStrArgsEntry</c>: one type string and the arguments it types.</summary>
internal sealed record OrtKernelTypeStrArgs(byte[] KernelTypeStr, IReadOnlyList<OrtArgTypeAndIndex> Args)
{
    public const int KernelTypeStrField = 0;
    public const int ArgsField = 1;
}

/// <summary>
/// <c>ArgTypeAndIndex</c>, a table (not a struct) in ort.fbs: <c>arg_type</c> (int8, INPUT = 0, OUTPUT = 1) and
/// <c>index</c> (uint32); both default to 0, so a writer may leave either out.
/// </summary>
internal sealed record OrtArgTypeAndIndex(sbyte ArgType, uint Index)
{
    public const int ArgTypeField = 0;
    public const int IndexField = 1;
}
