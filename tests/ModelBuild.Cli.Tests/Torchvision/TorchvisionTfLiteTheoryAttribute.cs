namespace ModelBuild.Cli.Tests.Torchvision;

/// <summary>
/// A theory of the torchvision TFLite tier: skipped, with the reason, where no Python with torch and torchvision is
/// found or LiteRT.js is not installed (<c>npm ci --prefix tests/tflite-runner</c>).
/// </summary>
public sealed class TorchvisionTfLiteTheoryAttribute : TheoryAttribute
{
    public TorchvisionTfLiteTheoryAttribute()
    {
        if (TorchvisionFixture.MissingReason is { } reason) Skip = reason;
        else if (TfLiteRunnerFolder.UnavailableReason is { } tflite) Skip = "the tflite check needs LiteRT.js: " + tflite;
    }
}
