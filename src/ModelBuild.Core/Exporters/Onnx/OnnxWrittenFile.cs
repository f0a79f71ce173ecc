namespace ModelBuild.Core.Exporters.Onnx;

/// <summary>One file the writer produced, with its final size, for the lock file and the report.</summary>
public sealed record OnnxWrittenFile(string Path, long Length);
