using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HyperSearch.Training.Models;

/// <summary>
/// A small ResNet for 28×28 images: conv3×3-BN-ReLU stem, then two stages of residual blocks (the
/// second halves the resolution and doubles the width), global average pooling, one linear layer.
/// </summary>
public sealed class ResidualCnn : nn.Module<Tensor, Tensor>
{
    private readonly long channels, side;
    private readonly Conv2d stem;
    private readonly BatchNorm2d stemNorm;
    private readonly Sequential blocks;
    private readonly Linear head;

    public ResidualCnn(int channels, int side, int classes, int width, int blocksPerStage) : base(nameof(ResidualCnn))
    {
        this.channels = channels;
        this.side = side;
        stem = nn.Conv2d(channels, width, 3, padding: 1, bias: false);
        stemNorm = nn.BatchNorm2d(width);
        var list = new List<(string, nn.Module<Tensor, Tensor>)>();
        for (var stage = 0; stage < 2; stage++)
        {
            for (var b = 0; b < blocksPerStage; b++)
            {
                var input = stage == 1 && b == 0 ? width : width << stage;
                list.Add(($"s{stage}b{b}", new ResidualBlock(input, width << stage, stage == 1 && b == 0 ? 2 : 1)));
            }
        }

        blocks = nn.Sequential(list);
        head = nn.Linear(width * 2, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var x = nn.functional.relu(stemNorm.forward(stem.forward(input.view(-1, channels, side, side))));
        x = blocks.forward(x);
        return head.forward(x.mean([2, 3]));
    }
}
