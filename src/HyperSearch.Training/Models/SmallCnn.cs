using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HyperSearch.Training.Models;

/// <summary>conv3×3(pad 1)-ReLU-maxpool2 twice, then fc-ReLU-fc, on a flattened channels×side×side input.</summary>
public sealed class SmallCnn : nn.Module<Tensor, Tensor>
{
    private readonly long channels, side;
    private readonly Conv2d conv0, conv1;
    private readonly Linear fc0, fc1;

    public SmallCnn(int channels, int side, int classes, int conv1Width, int conv2Width, int fcWidth) : base(nameof(SmallCnn))
    {
        this.channels = channels;
        this.side = side;
        conv0 = nn.Conv2d(channels, conv1Width, 3, padding: 1);
        conv1 = nn.Conv2d(conv1Width, conv2Width, 3, padding: 1);
        fc0 = nn.Linear(conv2Width * (side / 4) * (side / 4), fcWidth);
        fc1 = nn.Linear(fcWidth, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var x = input.view(-1, channels, side, side);
        x = nn.functional.max_pool2d(nn.functional.relu(ChannelsLast.Conv2d(conv0, x, padding: 1)), 2);
        x = nn.functional.max_pool2d(nn.functional.relu(ChannelsLast.Conv2d(conv1, x, padding: 1)), 2);
        x = nn.functional.relu(fc0.forward(x.flatten(1)));
        return fc1.forward(x);
    }
}
