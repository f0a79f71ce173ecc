namespace ModelBuild.Core.Tensors.Numpy;

/// <summary>Constants of the .npy format (numpy/lib/format.py, versions 1.0, 2.0 and 3.0).</summary>
public static class NpyLayout
{
    /// <summary><c>\x93NUMPY</c>.</summary>
    public static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Magic plus the major and minor version bytes.</summary>
    public const int MagicAndVersionBytes = 8;

    /// <summary>numpy aligns the start of the data to 64 bytes.</summary>
    public const int DataAlignment = 64;

    /// <summary>numpy leaves room for the growth axis to reach this many digits, so headers can be rewritten in place.</summary>
    public const int GrowthAxisMaxDigits = 21;

    /// <summary>
    /// Largest header this reader parses. numpy itself refuses headers above 10 000 bytes unless told otherwise;
    /// the three fields of a plain array never come close.
    /// </summary>
    public const int MaxHeaderBytes = 65_536;

    /// <summary>numpy 2's NPY_MAXDIMS; a deeper shape is not a file numpy wrote.</summary>
    public const int MaxRank = 64;

    public const string DescrKey = "descr";
    public const string FortranOrderKey = "fortran_order";
    public const string ShapeKey = "shape";

    /// <summary>The suffix np.savez gives each archive member.</summary>
    public const string EntrySuffix = ".npy";
}
