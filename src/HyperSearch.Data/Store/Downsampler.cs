namespace HyperSearch.Data.Store;

/// <summary>Keeps at most n evenly spaced items of a series, first and last always included.</summary>
internal static class Downsampler
{
    public static IReadOnlyList<T> Thin<T>(IReadOnlyList<T> series, int maxPoints)
    {
        if (maxPoints < 2 || series.Count <= maxPoints) return series;
        var result = new List<T>(maxPoints);
        var step = (series.Count - 1) / (double)(maxPoints - 1);
        for (var i = 0; i < maxPoints; i++)
            result.Add(series[(int)Math.Round(i * step)]);
        return result;
    }
}
