using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HyperSearch.Training.Trainer;

/// <summary>
/// A model's trainable parameters grouped by the module that owns them (a linear, conv, batch-norm or
/// recurrent layer), in registration order: one optimizer param group per layer, so
/// <c>layerLrMultipliers[i]</c> scales the LR of the i-th layer.
/// </summary>
internal static class LayerGroups
{
    public static List<List<Parameter>> Of(nn.Module model)
    {
        var groups = new List<List<Parameter>>();
        string? owner = null;
        foreach (var (name, parameter) in model.named_parameters())
        {
            if (!parameter.requires_grad)
            {
                continue;
            }

            var dot = name.LastIndexOf('.');
            var module = dot < 0 ? "" : name[..dot];
            if (module != owner || groups.Count == 0)
            {
                groups.Add([]);
                owner = module;
            }

            groups[^1].Add(parameter);
        }

        return groups;
    }
}
