namespace ModelBuild.Core.Importers.PyTorch;

/// <summary>
/// One zip entry of a PyTorch archive. <see cref="Name"/> is relative to the archive's root folder;
/// <see cref="DataOffset"/> is where its bytes start in the file (after the local header), so stored tensor
/// records can be read in place.
/// </summary>
public sealed record PyTorchRecord(string Name, string FullName, ushort Method, long CompressedSize, long UncompressedSize, long DataOffset)
{
    public bool IsStored => Method == PyTorchLayout.MethodStored;
}
