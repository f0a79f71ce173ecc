namespace ModelBuild.Core.Tensors.Numpy;

/// <summary>
/// The zip CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320). System.IO.Compression does not check an
/// entry's CRC when it is read, and System.IO.Hashing is not part of the shared framework, so the npz reader
/// checks it with this table-driven version.
/// </summary>
internal static class ZipCrc32
{
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFFu;
        foreach (byte b in data) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
