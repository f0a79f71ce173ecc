namespace ModelBuild.Core.Exporters.Ort;

/// <summary>
/// Writes a canonical <see cref="OrtKernelTypeStrResolver"/> into an <see cref="OrtPrefixBuilder"/>. The order of
/// the builder calls is the whole layout: children before their parent (FlatBuffers offsets point forward), entries
/// in the resolver's own sorted order, so equal resolvers give equal bytes.
/// </summary>
internal static class OrtCanonicalResolverWriter
{
    /// <summary>Returns the position of the <c>KernelTypeStrResolver</c> table.</summary>
    public static long Write(OrtPrefixBuilder builder, OrtKernelTypeStrResolver resolver)
    {
        var ops = new List<long>(resolver.Ops.Count);
        foreach (var op in resolver.Ops)
        {
            var entries = new List<long>(op.KernelTypeStrArgs.Count);
            foreach (var entry in op.KernelTypeStrArgs)
            {
                var args = entry.Args.Select(arg => WriteArg(builder, arg)).ToList();
                long argsVector = builder.AddOffsetVector(args);
                long kernelTypeStr = builder.AddSharedString(entry.KernelTypeStr);
                builder.StartTable();
                builder.AddOffsetField(OrtKernelTypeStrArgs.KernelTypeStrField, kernelTypeStr);
                builder.AddOffsetField(OrtKernelTypeStrArgs.ArgsField, argsVector);
                entries.Add(builder.EndTable());
            }
            long entriesVector = builder.AddOffsetVector(entries);
            long opId = builder.AddString(op.OpId);
            builder.StartTable();
            builder.AddOffsetField(OrtOpKernelTypeStrArgs.OpIdField, opId);
            builder.AddOffsetField(OrtOpKernelTypeStrArgs.KernelTypeStrArgsField, entriesVector);
            ops.Add(builder.EndTable());
        }
        long opsVector = builder.AddOffsetVector(ops);
        builder.StartTable();
        builder.AddOffsetField(OrtKernelTypeStrResolver.OpKernelTypeStrArgsField, opsVector);
        return builder.EndTable();
    }

    private static long WriteArg(OrtPrefixBuilder builder, OrtArgTypeAndIndex arg)
    {
        builder.StartTable();
        builder.AddUInt32Field(OrtArgTypeAndIndex.IndexField, arg.Index);
        builder.AddInt8Field(OrtArgTypeAndIndex.ArgTypeField, arg.ArgType);
        return builder.EndTable();
    }
}
