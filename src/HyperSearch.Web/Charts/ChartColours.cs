using HyperSearch.Core.Configuration;

namespace HyperSearch.Web.Charts;

/// <summary>One colour per series index, and a fixed colour per decay type (same on every chart).</summary>
public static class ChartColours
{
    private static readonly string[] Colours =
    [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#ad494a",
    ];

    public static string Colour(int index) => Colours[((index % Colours.Length) + Colours.Length) % Colours.Length];

    public static string ForDecay(string decayType)
    {
        var index = DecayTypes.All.ToList().IndexOf(decayType);
        return Colour(index < 0 ? Colours.Length - 1 : index);
    }
}
