using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HyperSearch.Training.Models;

/// <summary>
/// A stride-1 convolution run on channels-last (NHWC) activations. libtorch's CPU convolution (oneDNN)
/// reorders NCHW activations into its blocked layout and back around every call; given a weight with
/// channels-last strides it runs the convolution, and the ReLU/pooling after it, on NHWC activations
/// without those copies. ONEDNN_VERBOSE on a fashion-cnn epoch showed the reorders taking as long as
/// the convolutions themselves (docs/benchmarks.md). The parameter itself stays contiguous (TorchSharp
/// saves only contiguous tensors, so checkpoints keep working): each forward takes a channels-last
/// copy of the small weight, and autograd carries its gradient back.
/// </summary>
internal static class ChannelsLast
{
    public static Tensor Conv2d(Conv2d conv, Tensor input, long padding) =>
        nn.functional.conv2d(input, conv.weight!.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2), conv.bias, padding: [padding, padding]);
}
