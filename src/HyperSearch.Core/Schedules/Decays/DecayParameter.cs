using HyperSearch.Core.Configuration;
using HyperSearch.Core.Space;

namespace HyperSearch.Core.Schedules.Decays;

/// <summary>
/// One constructor argument of a decay type: its JSON name, kind and valid interval
/// (<see cref="Info"/>, which the space reader and the validator both check), PyTorch's name for it,
/// how to read it from the config record, and its default search range for a run of n steps
/// (null: left out, PyTorch's default applies).
/// </summary>
public sealed record DecayParameter(
    ParamInfo Info,
    string TorchName,
    Func<DecaySpec, object?> Read,
    Func<int, Distribution?> DefaultRange)
{
    public string Name => Info.Name;
}
