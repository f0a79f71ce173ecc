using ModelBuild.Core.Diagnostics;

namespace ModelBuild.Core.Pipeline;

/// <summary>
/// Detects a source's format from its content. Extensions lie (a Hugging Face <c>.bin</c> is a torch zip, a
/// <c>.pt</c> may be an ONNX file renamed), so magic bytes decide and the extension only breaks ties.
/// </summary>
public static class SourceDetector
{
    public static SourceFormat Detect(string path)
    {
        if (!File.Exists(path))
            throw new ModelBuildException(DiagnosticCode.FileNotFound, path, "the file does not exist");

        Span<byte> head = stackalloc byte[16];
        int read;
        using (var stream = File.OpenRead(path)) read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        var extension = Path.GetExtension(path).ToLowerInvariant();

        bool isZip = read >= 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] == 3 && head[3] == 4;
        if (isZip) return extension == ".npz" ? SourceFormat.Npz : SourceFormat.PyTorchZip;
        // Pickle protocol 2+ starts with PROTO (0x80); torch's legacy format opens with a pickled magic number.
        if (read >= 2 && head[0] == 0x80 && head[1] is >= 2 and <= 5) return SourceFormat.PyTorchLegacy;
        if (read >= 8 && head[4..8].SequenceEqual("PTMF"u8)) return SourceFormat.PyTorchMobile;
        // safetensors: an 8-byte little-endian header length, then the JSON header's opening brace.
        if (read >= 9 && head[8] == (byte)'{') return SourceFormat.Safetensors;
        // ONNX has no magic; ModelProto's first field is ir_version (tag 0x08) in every writer we know of.
        if (read >= 2 && head[0] == 0x08 && extension == ".onnx") return SourceFormat.Onnx;
        // No magic matched: trust a known extension so that format's reader reports precisely what is broken
        // (a truncated safetensors file is a safetensors error, not an unknown format).
        return extension switch
        {
            ".onnx" => SourceFormat.Onnx,
            ".safetensors" => SourceFormat.Safetensors,
            ".npz" => SourceFormat.Npz,
            // A damaged .pt/.pth/.pt2 goes to the PyTorch reader, which names what is wrong with it.
            ".pt" or ".pth" or ".pt2" or ".ckpt" => SourceFormat.PyTorchZip,
            _ => SourceFormat.Unknown,
        };
    }
}
