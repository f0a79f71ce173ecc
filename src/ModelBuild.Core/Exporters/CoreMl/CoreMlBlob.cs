using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Exporters.CoreMl;

/// <summary>A constant placed in weight.bin: its metadata record's offset (what the program references) and its data.</summary>
internal sealed record CoreMlBlob(long MetadataOffset, TensorData Data)
{
    public long DataOffset => MetadataOffset + CoreMlLayout.MetadataSize;
}
