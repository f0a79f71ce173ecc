using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.TfLite;

/// <summary>Lowers one ONNX node into TFLite operators through the lowering state.</summary>
internal delegate void TfLiteConverter(TfLiteLowering lowering, Node node);
