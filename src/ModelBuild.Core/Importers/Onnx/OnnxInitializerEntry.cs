using ModelBuild.Core.Onnx.Proto;

namespace ModelBuild.Core.Importers.Onnx;

/// <summary>
/// A top-level initializer as the wire walk found it: its TensorProto without raw_data, and where raw_data lies in
/// the file (<see cref="RawDataOffset"/> is -1 when the tensor has none), so the bytes are never loaded.
/// </summary>
internal sealed record OnnxInitializerEntry(TensorProto Metadata, long RawDataOffset, long RawDataLength, long MessageOffset);
