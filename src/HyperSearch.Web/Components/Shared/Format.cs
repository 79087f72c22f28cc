using System.Globalization;

namespace HyperSearch.Web.Components.Shared;

/// <summary>How numbers and times read on every page (invariant culture; NaN/∞ spelled out).</summary>
public static class Format
{
    public static string Metric(double? value) => value switch
    {
        null => "–",
        double v when double.IsNaN(v) => "NaN",
        double v when double.IsInfinity(v) => v > 0 ? "∞" : "−∞",
        double v => v.ToString("G4", CultureInfo.InvariantCulture),
    };

    /// <summary>Three significant digits; small LRs in exponent form so table cells stay narrow (1.92e-4).</summary>
    public static string Lr(double value) =>
        value.ToString(value is > 0 and < 1e-3 ? "0.##e0" : "G3", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan? span) => span switch
    {
        null => "–",
        { TotalSeconds: < 60 } s => $"{s.TotalSeconds:0}s",
        { TotalMinutes: < 60 } s => $"{(int)s.TotalMinutes}m {s.Seconds:00}s",
        { TotalHours: < 48 } s => $"{(int)s.TotalHours}h {s.Minutes:00}m",
        var s => $"{(int)s.Value.TotalDays}d {s.Value.Hours}h",
    };

    public static string Between(DateTimeOffset? start, DateTimeOffset? end, DateTimeOffset now) =>
        start is null ? "–" : Duration((end ?? now) - start.Value);
}
