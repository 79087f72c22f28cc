using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HyperSearch.Training.Models;

/// <summary>Fully connected layers with ReLU (and optional dropout) between them: sizes = input, hidden…, output.</summary>
public sealed class Mlp : nn.Module<Tensor, Tensor>
{
    private readonly Sequential layers;

    public Mlp(IReadOnlyList<long> sizes, double dropout = 0) : base(nameof(Mlp))
    {
        var modules = new List<(string, nn.Module<Tensor, Tensor>)>();
        for (var i = 0; i + 1 < sizes.Count; i++)
        {
            modules.Add(($"fc{i}", nn.Linear(sizes[i], sizes[i + 1])));
            if (i + 2 < sizes.Count)
            {
                modules.Add(($"relu{i}", nn.ReLU()));
                if (dropout > 0)
                {
                    modules.Add(($"drop{i}", new TrialDropout(dropout)));
                }
            }
        }

        layers = nn.Sequential(modules);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => layers.forward(input);
}
