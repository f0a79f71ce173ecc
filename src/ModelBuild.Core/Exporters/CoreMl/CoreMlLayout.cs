namespace ModelBuild.Core.Exporters.CoreMl;

/// <summary>Names, versions and byte layout of an ML Program <c>.mlpackage</c> and its MIL blob storage v2 weight file.</summary>
internal static class CoreMlLayout
{
    /// <summary>Core ML 6 (iOS 16 / macOS 13): ML Program with FLOAT16 I/O available; pairs with MIL opset CoreML6.</summary>
    public const int SpecificationVersion = 7;
    public const string Opset = "CoreML6";
    public const string FunctionName = "main";

    public const string ManifestFile = "Manifest.json";
    public const string FileFormatVersion = "1.0.0";
    public const string DataFolder = "Data";
    public const string Author = "com.apple.CoreML";
    public const string ModelPath = "com.apple.CoreML/model.mlmodel";
    public const string WeightsPath = "com.apple.CoreML/weights";
    public const string WeightFile = "weight.bin";
    public const string BlobFileName = "@model_path/weights/weight.bin";

    // storage_header (64 B): uint32 count; uint32 version = 2; 7 × uint64 reserved.
    public const int HeaderSize = 64;
    public const uint StorageVersion = 2;

    // blob_metadata (64 B): uint32 sentinel; uint32 mil_dtype; uint64 sizeInBytes; uint64 offset (of the data);
    // uint64 padding_size_in_bits; 4 × uint64 reserved. Metadata and data both start on 64-byte boundaries.
    public const int MetadataSize = 64;
    public const uint Sentinel = 0xDEADBEEF;
    public const int Alignment = 64;

    /// <summary>MIL blob dtypes (BlobDataType.hpp).</summary>
    public const uint BlobFloat16 = 1;
    public const uint BlobFloat32 = 2;

    /// <summary>coremltools puts a constant in the blob file from 10 elements on; smaller ones stay immediate.</summary>
    public const long MinBlobElements = 10;

    public const int MaxRank = 5;

    public static long Align(long offset) => (offset + Alignment - 1) / Alignment * Alignment;
}
