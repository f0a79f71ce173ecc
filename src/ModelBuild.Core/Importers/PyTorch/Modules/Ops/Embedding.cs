using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary>
/// <c>torch.nn.Embedding(num_embeddings, embedding_dim, padding_idx=None, max_norm=None, …)</c>: rows of the
/// float32 weight [num_embeddings, embedding_dim] picked by an int64/int32 input → ONNX Gather(axis=0).
/// <c>padding_idx</c> only affects training; <c>max_norm</c> (renormalising rows in forward) is MBLD2051.
/// </summary>
internal static class Embedding
{
    public static ModuleValue Convert(ModuleContext module, ModuleValue input)
    {
        if (input.ElementType is not (DataType.Int64 or DataType.Int32))
            throw module.InputMismatch($"the input is {DataTypes.Name(input.ElementType)}; an Embedding takes int64 (or int32) indices, e.g. --input \"x: int64[batch,16]\"");
        if (!module.IsNone("max_norm")) throw module.Unsupported("max_norm", "renormalising the looked-up rows is not converted; only None is");
        long count = module.Int("num_embeddings");
        long size = module.Int("embedding_dim");
        var weight = module.RequiredParameter("weight", DataType.Float32, count, size);
        return module.Op("Gather", [weight, input.Name], DataType.Float32, new TensorShape([.. input.Dims, Dim.Fixed(size)]), NodeAttribute.Of("axis", 0L));
    }
}
