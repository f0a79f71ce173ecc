namespace ModelBuild.Core.Exporters.Ort;

/// <summary>
/// Rewrites an ORT file ONNX Runtime just saved so that the same model gives the same bytes in every process.
/// <para>
/// ONNX Runtime builds the file back to front with one FlatBuffers builder, in this order
/// (<c>InferenceSession::SaveToOrtFormat</c>): the <c>ort_version</c> string, the whole <c>Model</c> (graph and
/// weights), the kernel type string resolver, the root table. So the file's back, from the lowest of the model
/// table, its vtable and the version string to the end (the tail), holds everything created before the resolver,
/// and the tail only points into itself: FlatBuffers offsets point forward, and a vtable is shared only with tables
/// written after it. The model is written from the graph's own ordered lists and comes out the same every time; the
/// resolver comes from hash maps seeded per process, so its objects land in a different order run to run (the
/// vectors themselves are sorted by key, as ort.fbs requires).
/// </para>
/// <para>
/// The rewrite keeps the tail byte for byte and builds a new front: the resolver written in one canonical order
/// (<see cref="OrtKernelTypeStrResolver.Canonical"/>), a root table pointing at it and at the tail's model and
/// version, and the header. Memory stays small: the tail is streamed. It refuses, with an MBLD error, any file whose
/// root or resolver is not laid out as described (a field it would drop, a resolver object inside the tail),
/// rather than write a file it cannot vouch for.
/// </para>
/// </summary>
internal static class OrtCanonicalizer
{
    public static void Canonicalize(string sourcePath, string destinationPath)
    {
        byte[] front;
        long tailStart;
        using (var reader = OrtFileReader.Open(sourcePath))
        {
            var root = OrtFormatInfo.ReadRoot(reader);
            if (reader.Field(root, OrtLayout.DeprecatedSessionStateField, 4) != 0 || reader.HasFieldsFrom(root, OrtLayout.KernelTypeStrResolverField + 1))
                throw OrtThrowHelper.UnexpectedLayout(sourcePath, root.Position, "the root table has a field besides ort_version, model and kernel_type_str_resolver");
            long version = Required(reader, root, OrtLayout.OrtVersionField, "ort_version");
            long model = Required(reader, root, OrtLayout.ModelField, "model");
            long resolverTable = Required(reader, root, OrtLayout.KernelTypeStrResolverField, "kernel_type_str_resolver");

            tailStart = Math.Min(Math.Min(model, reader.Table(model).Vtable), version);
            var (resolver, resolverEnd) = OrtKernelTypeStrResolverReader.Read(reader, resolverTable);
            long frontEnd = Math.Max(resolverEnd, root.End);
            if (frontEnd > tailStart)
                throw OrtThrowHelper.UnexpectedLayout(sourcePath, tailStart, $"the root table or the kernel type string resolver reaches offset {frontEnd}, into the model written before them");

            long tailLength = reader.Length - tailStart;
            var builder = new OrtPrefixBuilder(tailLength);
            long canonicalResolver = OrtCanonicalResolverWriter.Write(builder, resolver.Canonical(sourcePath));
            builder.StartTable();
            // Distances from the end do not change for objects in the tail.
            builder.AddOffsetField(OrtLayout.OrtVersionField, reader.Length - version);
            builder.AddOffsetField(OrtLayout.ModelField, reader.Length - model);
            builder.AddOffsetField(OrtLayout.KernelTypeStrResolverField, canonicalResolver);
            builder.Finish(builder.EndTable(), OrtLayout.Identifier);
            front = builder.Written.ToArray();
        }

        using var source = new FileStream(sourcePath, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var destination = new FileStream(destinationPath, FileMode.Create, FileAccess.Write, FileShare.None);
        destination.Write(front);
        source.Position = tailStart;
        source.CopyTo(destination);
    }

    private static long Required(OrtFileReader reader, OrtTable root, int field, string name)
    {
        long target = reader.Reference(root, field);
        if (target == 0)
            throw OrtThrowHelper.NotOrtFormat(reader.Path, root.Position, $"a '{name}' field in the root table", "none");
        return target;
    }
}
