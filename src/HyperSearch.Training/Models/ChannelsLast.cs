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
    public static Tensor Conv2d(Conv2d conv, Tensor input, long padding)
    {
        var weight = conv.weight!;
        var (o, c, h, w) = (weight.shape[0], weight.shape[1], weight.shape[2], weight.shape[3]);
        // The NHWC buffer, viewed as [o, c, h, w] with channels-last strides. Spelled out rather than
        // permuted back: with one input channel libtorch sees the permuted tensor as contiguous already,
        // and permuting back would hand the convolution NCHW strides again.
        var nhwc = weight.permute(0, 2, 3, 1).contiguous().as_strided([o, c, h, w], [h * w * c, 1, w * c, c]);
        return nn.functional.conv2d(input, nhwc, conv.bias, padding: [padding, padding]);
    }
}
