using HyperSearch.Core.Sampling;

namespace HyperSearch.Web.Launch;

/// <summary>
/// Valid but suspicious settings, said before launch: a TPE budget that is start-up trials (no model)
/// only (or mostly), more parallelism than the workers have slots, an initial LR no network trains at.
/// </summary>
public static class LaunchWarnings
{
    /// <summary>Above this initial LR every workload here diverges; the range test suggests far less.</summary>
    public const double SuspiciousLr = 10;

    /// <param name="slots">Device slots of the live workers (null when unknown).</param>
    public static IReadOnlyList<LaunchWarning> For(LaunchForm form, int? slots)
    {
        var warnings = new List<LaunchWarning>();
        var startup = new TpeOptions().StartupTrials;
        if (form.Strategy == SearchStrategy.Tpe && form.Budget > 0)
        {
            if (form.Budget <= startup)
                warnings.Add(new("budget", $"TPE's first {startup} trials are a start-up design spread evenly over the space, without a model: with a budget of {form.Budget} no trial is guided, so this is not a Bayesian search. Raise the budget above {startup} or choose Random."));
            else if (form.Budget < 2 * startup)
                warnings.Add(new("budget", $"{startup} of the {form.Budget} trials are TPE's start-up trials (no model yet); only {form.Budget - startup} are guided."));
        }

        if (form.Strategy == SearchStrategy.Pbt && form.Pbt.FullBudget(form.Epochs) is var full and > 0 && form.Budget != full)
            warnings.Add(new("budget", form.Budget < full
                ? $"PBT runs one trial per member and segment: {form.Pbt.Population} members × {full / form.Pbt.Population} segments = {full}. With a budget of {form.Budget} the search ends before every member reaches epoch {form.Epochs}."
                : $"PBT needs only {full} trials ({form.Pbt.Population} members × {full / form.Pbt.Population} segments); the budget above that is never used."));
        if (slots is > 0 && form.Parallelism > slots)
            warnings.Add(new("parallelism", $"Parallelism {form.Parallelism}, but the workers have {slots} device slot{(slots == 1 ? "" : "s")}: at most {slots} trials run at once."));
        var highLr = form.InitialLr.Kind switch
        {
            ParamKind.Float or ParamKind.Int => form.InitialLr.High,
            _ => double.TryParse(form.InitialLr.Value, System.Globalization.CultureInfo.InvariantCulture, out var fixedLr) ? fixedLr : 0,
        };
        if (form.Seed < 0)
            warnings.Add(new("seed", $"Seed {form.Seed} is used as given: it does not mean \"random\", and every search with it samples the same configs."));
        if (InitialLr(highLr) is { } lrWarning) warnings.Add(new("space.initialLr", lrWarning));
        return warnings;
    }

    /// <summary>
    /// The one rule on an initial LR, for a search's range (its highest value) and for one trial's
    /// config ("re-run with changes"): null when it is not suspicious.
    /// </summary>
    public static string? InitialLr(double lr) => lr > SuspiciousLr
        ? $"An initial LR of {lr.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)} diverges on every workload here; the LR range test suggests a range."
        : null;
}
