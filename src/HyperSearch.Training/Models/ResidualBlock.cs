using HyperSearch.Training.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HyperSearch.Training.Models;

/// <summary>
/// He et al.'s basic block: conv3×3-BN-ReLU-conv3×3-BN plus the input (through a strided 1×1 conv + BN
/// when the shape changes), then ReLU.
/// </summary>
public sealed class ResidualBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv1, conv2;
    private readonly BatchNorm2d bn1, bn2;
    private readonly Sequential? shortcut;

    public ResidualBlock(long input, long output, long stride) : base(nameof(ResidualBlock))
    {
        conv1 = nn.Conv2d(input, output, 3, stride: stride, padding: 1, bias: false);
        bn1 = nn.BatchNorm2d(output);
        conv2 = nn.Conv2d(output, output, 3, padding: 1, bias: false);
        bn2 = nn.BatchNorm2d(output);
        if (stride != 1 || input != output)
        {
            shortcut = nn.Sequential(nn.Conv2d(input, output, 1, stride: stride, bias: false), nn.BatchNorm2d(output));
        }

        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var x = nn.functional.relu(bn1.forward(conv1.forward(input)));
        x = bn2.forward(conv2.forward(x));
        // add with an explicit alpha: `x + y` would hand libtorch an implicitly converted Scalar (NativeScalars).
        return nn.functional.relu(x.add(shortcut is null ? input : shortcut.forward(input), NativeScalars.One));
    }
}
