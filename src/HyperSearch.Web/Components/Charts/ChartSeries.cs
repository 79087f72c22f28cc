namespace HyperSearch.Web.Components.Charts;

/// <summary>One line of a chart. Points are [x, y]; y is null where the value is NaN/±inf (JSON has no NaN).</summary>
public sealed record ChartSeries(string Id, string Name, IReadOnlyList<double?[]> Points)
{
    public string? Color { get; init; }
    public bool Dashed { get; init; }
    public bool Faded { get; init; }
    public bool Step { get; init; }
    public double? Width { get; init; }

    public static double?[] Point(double x, double y) => [x, double.IsFinite(y) ? y : null];
}
