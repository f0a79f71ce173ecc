using ModelBuild.Tests.ArmNn;
namespace ModelBuild.Cli.Tests.Torchvision;

/// <summary>
/// A theory of the torchvision tier run by Arm NN: skipped, with the reason, where no Python with torch and
/// torchvision is found or pyarmnn with its CpuRef backend is not installed.
/// </summary>
public sealed class TorchvisionArmNnTheoryAttribute : TheoryAttribute
{
    public TorchvisionArmNnTheoryAttribute()
    {
        if (TorchvisionFixture.MissingReason is { } reason) Skip = reason;
        else if (ArmNnRunner.UnavailableReason is { } armnn) Skip = "the second opinion needs Arm NN: " + armnn;
    }
}
