namespace HyperSearch.Web.Launch;

/// <summary>A decay type in the launch form: whether it is searched and its parameter ranges.</summary>
public sealed class DecayChoice
{
    public required string Type { get; init; }
    public bool Included { get; set; }
    public required List<ParamRange> Parameters { get; init; }
}
