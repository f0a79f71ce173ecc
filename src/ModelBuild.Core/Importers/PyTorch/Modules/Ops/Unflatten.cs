namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary>
/// <c>torch.nn.Unflatten(dim, unflattened_size)</c>: dim split into the given sizes (one may be -1) → ONNX Reshape to
/// [0, …, 0, sizes, trailing dims] (0 copies a leading dim, so a symbolic batch stays symbolic), which needs the dims
/// after <c>dim</c> to be fixed.
/// </summary>
internal static class Unflatten
{
    public static ModuleValue Convert(ModuleContext module, ModuleValue input)
    {
        int axis = module.Axis("dim", module.Int("dim"), input.Rank);
        var sizes = module.IntList("unflattened_size", module.Attribute("unflattened_size"));
        if (sizes.Length == 0 || sizes.Count(s => s == -1) > 1 || sizes.Any(s => s < -1))
            throw module.Invalid("unflattened_size", $"({string.Join(", ", sizes)}) is not a shape");
        var trailing = input.Dims.Skip(axis + 1).ToArray();
        if (trailing.Any(d => !d.IsFixed))
            throw module.InputMismatch($"unflattening dim {axis} of {input} needs the dims after it to be fixed numbers; declare them in --input");
        var dim = input.Dims[axis];
        long known = sizes.Where(s => s != -1).Aggregate(1L, (a, b) => a * b);
        if (dim.IsFixed && !sizes.Contains(-1) && known != dim.Value)
            throw module.InputMismatch($"unflattened_size ({string.Join(", ", sizes)}) does not multiply to dim {axis} of {input}");
        var resolved = sizes.Select(s => s != -1 ? Graph.Dim.Fixed(s) : dim.IsFixed && known > 0 ? Graph.Dim.Fixed(dim.Value!.Value / known) : Graph.Dim.Unknown);
        var shape = new Graph.TensorShape([.. input.Dims.Take(axis), .. resolved, .. trailing]);
        var target = module.Int64Constant("shape", [.. Enumerable.Repeat(0L, axis), .. sizes, .. trailing.Select(d => d.Value!.Value)]);
        return module.Op("Reshape", [input.Name, target], input.ElementType, shape);
    }
}
