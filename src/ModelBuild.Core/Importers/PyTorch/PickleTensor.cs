namespace ModelBuild.Core.Importers.PyTorch;

/// <summary>
/// A tensor as <c>torch._utils._rebuild_tensor_v2</c> describes it: a view (offset, sizes, strides, all in elements)
/// into a <see cref="PickleStorage"/>. The view has already been checked to stay inside the storage's declared size.
/// </summary>
public sealed record PickleTensor(PickleStorage Storage, long StorageOffset, long[] Shape, long[] Strides, bool RequiresGrad)
{
    /// <summary>True when it was rebuilt as an <c>nn.Parameter</c>.</summary>
    public bool IsParameter { get; init; }
}
