using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary>
/// <c>torch.nn.Flatten(start_dim=1, end_dim=-1)</c>: merges dims start..end into one. <c>(1, -1)</c> is ONNX
/// Flatten(axis=1); any other range is a Reshape to <c>[0,…,0, -1, trailing dims]</c> (0 copies a leading dim,
/// so a symbolic batch stays symbolic), which needs the dims after <c>end_dim</c> to be known.
/// </summary>
internal static class Flatten
{
    public static ModuleValue Convert(ModuleContext module, ModuleValue input)
    {
        if (input.Rank == 0) throw module.InputMismatch($"the input {input} is a scalar");
        int start = module.Axis("start_dim", module.Int("start_dim"), input.Rank);
        int end = module.Axis("end_dim", module.Int("end_dim"), input.Rank);
        if (start > end) throw module.Invalid("start_dim", $"start_dim {start} comes after end_dim {end} for an input of rank {input.Rank}");
        if (start == end) return input;

        var merged = input.Dims.Skip(start).Take(end - start + 1).ToArray();
        var mergedDim = merged.All(d => d.IsFixed) ? Dim.Fixed(merged.Aggregate(1L, (a, d) => checked(a * d.Value!.Value))) : Dim.Unknown;
        var trailing = input.Dims.Skip(end + 1).ToArray();
        var shape = new TensorShape([.. input.Dims.Take(start), mergedDim, .. trailing]);
        if (start == 1 && end == input.Rank - 1)
            return module.Op("Flatten", [input.Name], input.ElementType, shape, NodeAttribute.Of("axis", 1L));
        if (trailing.Any(d => !d.IsFixed))
            throw module.InputMismatch($"flattening dims {start}..{end} of {input} needs the dims after end_dim to be fixed numbers; declare them in --input");
        var target = module.Int64Constant("shape", [.. Enumerable.Repeat(0L, start), -1, .. trailing.Select(d => d.Value!.Value)]);
        return module.Op("Reshape", [input.Name, target], input.ElementType, shape);
    }
}
