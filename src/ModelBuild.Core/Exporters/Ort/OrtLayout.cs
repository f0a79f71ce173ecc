namespace ModelBuild.Core.Exporters.Ort;

/// <summary>
/// Offsets of the ORT format file (<c>onnxruntime/core/flatbuffers/schema/ort.fbs</c>): a FlatBuffer whose root
/// table is <c>InferenceSession { ort_version:string; model:Model; kernel_type_str_resolver:… }</c> with the
/// file identifier <c>ORTM</c>.
/// </summary>
internal static class OrtLayout
{
    /// <summary>uint32 offset of the root table, from the start of the file.</summary>
    public const int RootOffsetPosition = 0;

    /// <summary>The four identifier bytes follow the root offset.</summary>
    public const int IdentifierPosition = 4;

    public const int IdentifierLength = 4;
    public const string Identifier = "ORTM";

    /// <summary>Root offset plus identifier: a shorter file is not ORT format.</summary>
    public const int MinimumLength = 8;

    /// <summary>Field index of <c>InferenceSession.ort_version</c>; its vtable slot is at 4 + 2·index.</summary>
    public const int OrtVersionField = 0;

    /// <summary>Field index of <c>InferenceSession.model</c>, the graph and its weights.</summary>
    public const int ModelField = 1;

    /// <summary>
    /// Field index of <c>InferenceSession.session_state</c>: deprecated, no longer written; a file that has it is
    /// older than the layout the canonical rewrite knows.
    /// </summary>
    public const int DeprecatedSessionStateField = 2;

    /// <summary>Field index of <c>InferenceSession.kernel_type_str_resolver</c>; the last field of the root table.</summary>
    public const int KernelTypeStrResolverField = 3;

    /// <summary>
    /// Every alignment a FlatBuffers builder may use divides this (flatbuffers' <c>FLATBUFFERS_MAX_ALIGNMENT</c>):
    /// a file whose length is a multiple of it keeps any tail it holds aligned, whatever comes before the tail.
    /// </summary>
    public const int MaxAlignment = 16;

    /// <summary>vtable header: uint16 vtable size, uint16 table size.</summary>
    public const int VtableHeaderLength = 4;

    /// <summary>A format version string longer than this is damage, not a version.</summary>
    public const int MaxVersionLength = 64;

    /// <summary>Session config key that makes ORT save the optimized model in ORT format (onnxruntime_session_options_config_keys.h).</summary>
    public const string SaveModelFormatKey = "session.save_model_format";

    public const string SaveModelFormatOrt = "ORT";

    public const string Extension = ".ort";
}
