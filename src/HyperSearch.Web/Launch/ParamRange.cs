namespace HyperSearch.Web.Launch;

/// <summary>One editable parameter distribution of the launch form (mutable: the form binds to it).</summary>
public sealed class ParamRange
{
    public required string Name { get; init; }
    public ParamKind Kind { get; set; }
    public double Low { get; set; }
    public double High { get; set; }
    public bool Log { get; set; }
    /// <summary>A numeric range's grid step (only from a cloned space: the form has no box for it).</summary>
    public double? Step { get; set; }
    /// <summary>Comma-separated choices for <see cref="ParamKind.Choice"/> (numbers or words).</summary>
    public string Choices { get; set; } = "";
    /// <summary>A JSON literal (or a bare word) for <see cref="ParamKind.Fixed"/>.</summary>
    public string Value { get; set; } = "";

    public static ParamRange Float(string name, double low, double high, bool log = false) =>
        new() { Name = name, Kind = ParamKind.Float, Low = low, High = high, Log = log };

    public static ParamRange Int(string name, int low, int high) =>
        new() { Name = name, Kind = ParamKind.Int, Low = low, High = high };

    public static ParamRange Choice(string name, string choices) =>
        new() { Name = name, Kind = ParamKind.Choice, Choices = choices };

    public static ParamRange Fixed(string name, string value) =>
        new() { Name = name, Kind = ParamKind.Fixed, Value = value };

    public ParamRange Copy() => (ParamRange)MemberwiseClone();
}
