using HyperSearch.Core.Pbt;

namespace HyperSearch.Web.Launch;

/// <summary>
/// What the launch form edits of population-based training; the core's PbtSettingsReader judges it
/// (space.pbt.population, …) like any spec. The factors are typed as a list ("0.8, 1.2").
/// </summary>
public sealed class PbtForm
{
    private static readonly PbtSettings Defaults = new();

    public int Population { get; set; } = Defaults.Population;
    public int Interval { get; set; } = Defaults.Interval;
    public double Fraction { get; set; } = Defaults.Fraction;
    public string PerturbFactors { get; set; } = FactorList(Defaults.PerturbFactors);

    public static PbtForm From(PbtSettings settings) => new()
    {
        Population = settings.Population,
        Interval = settings.Interval,
        Fraction = settings.Fraction,
        PerturbFactors = FactorList(settings.PerturbFactors),
    };

    private static string FactorList(IEnumerable<double> factors) =>
        string.Join(", ", factors.Select(f => f.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>One trial per member and segment: the budget that lets every member reach the last epoch.</summary>
    public int FullBudget(int epochs) => Population * new PbtSettings { Interval = Math.Max(1, Interval) }.Generations(Math.Max(0, epochs));
}
