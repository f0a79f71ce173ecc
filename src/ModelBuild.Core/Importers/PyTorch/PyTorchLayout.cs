namespace ModelBuild.Core.Importers.PyTorch;

/// <summary>Record names, magic numbers and zip structure offsets of PyTorch files (research: pytorch_formats.md §1, §2, §7).</summary>
public static class PyTorchLayout
{
    /// <summary>The legacy stream's first pickle: PROTO 2, LONG1 10 bytes, then the magic 0x1950a86a20f9469cfc6c.</summary>
    public static ReadOnlySpan<byte> LegacyMagicPickle => [0x80, 0x02, 0x8A, 0x0A, 0x6C, 0xFC, 0x9C, 0x46, 0xF9, 0x20, 0x6A, 0xA8, 0x50, 0x19];

    public const int LegacyProtocolVersion = 1001;

    /// <summary>Lite-interpreter (mobile) files are FlatBuffers whose file identifier at offset 4 is "PTMF".</summary>
    public static ReadOnlySpan<byte> MobileIdentifier => "PTMF"u8;

    public const string DataPickle = "data.pkl";
    public const string ConstantsPickle = "constants.pkl";
    public const string DataFolder = "data/";
    public const string ConstantsFolder = "constants/";
    public const string CodeFolder = "code/";
    public const string VersionRecord = "version";
    public const string DataVersionRecord = ".data/version";
    public const string ByteOrderRecord = "byteorder";

    // Zip structures (APPNOTE.TXT), as PyTorchStreamWriter writes them: ZIP64 always, data descriptors, stored records.
    public const uint LocalHeaderSignature = 0x04034B50;
    public const uint CentralHeaderSignature = 0x02014B50;
    public const uint EndOfCentralDirectorySignature = 0x06054B50;
    public const uint Zip64EndOfCentralDirectorySignature = 0x06064B50;
    public const uint Zip64LocatorSignature = 0x07064B50;
    public const int LocalHeaderSize = 30;
    public const int CentralHeaderSize = 46;
    public const int EndOfCentralDirectorySize = 22;
    public const int Zip64LocatorSize = 20;
    public const int Zip64EndOfCentralDirectorySize = 56;
    public const int MaxZipCommentLength = 0xFFFF;
    public const ushort Zip64ExtraFieldId = 0x0001;
    public const ushort MethodStored = 0;
    public const ushort MethodDeflated = 8;
}
