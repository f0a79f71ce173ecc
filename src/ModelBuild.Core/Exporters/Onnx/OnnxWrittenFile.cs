namespace ModelBuild.Core.Exporters.Onnx;

/// <summary>
/// One file the writer produced, with its final size and the sha256 of its bytes (lower-case hex, hashed while
/// writing) for the lock file and the report.
/// </summary>
public sealed record OnnxWrittenFile(string Path, long Length, string Sha256);
