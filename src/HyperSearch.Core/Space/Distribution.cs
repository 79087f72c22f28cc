using System.Text.Json.Serialization;

namespace HyperSearch.Core.Space;

/// <summary>
/// How one parameter of the space is drawn. Shapes follow Optuna's distributions:
/// Float(low, high, log, step), Int(low, high, log, step), Categorical(choices), Fixed(value).
/// </summary>
public abstract record Distribution
{
    /// <summary>"float", "int", "categorical" or "fixed": the "type" field of the JSON form.</summary>
    [JsonIgnore]
    public abstract string Kind { get; }
}
