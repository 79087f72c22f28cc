namespace HyperSearch.Web.Launch;

/// <summary>
/// How many configurations a grid over the form's space has (shown before launch): every numeric
/// range contributes its grid points, a choice its choices, and decay types add up (each brings its own sub-grid).
/// TODO(issue 3): use the core GridSampler's count once it is merged, so both always agree.
/// </summary>
public static class GridCounter
{
    public static long Count(LaunchForm form)
    {
        var decays = form.IncludedDecays.Sum(d => Product(d.Parameters, form.GridPoints));
        long total = Points(form.InitialLr, form.GridPoints) * decays;
        if (form.UseWarmup) total *= Product([form.WarmupSteps, form.WarmupStartFactor], form.GridPoints);
        if (form.UseOptimizer) total *= Product([form.OptimizerType, form.Momentum], form.GridPoints);
        return total;
    }

    private static long Product(IEnumerable<ParamRange> parameters, int gridPoints) =>
        parameters.Aggregate(1L, (product, p) => product * Points(p, gridPoints));

    public static long Points(ParamRange range, int gridPoints) => range.Kind switch
    {
        ParamKind.Float => range.High > range.Low ? gridPoints : 1,
        ParamKind.Int => Math.Clamp((long)Math.Round(range.High) - (long)Math.Round(range.Low) + 1, 1, gridPoints),
        ParamKind.Choice => Math.Max(1, JsonLiteral.ParseList(range.Choices).Count),
        _ => 1,
    };
}
