using HyperSearch.Core.Pruning;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Training;

namespace HyperSearch.Web.Launch;

/// <summary>
/// Everything the launch form edits. <see cref="LaunchSpecWriter"/> turns it into the same spec
/// document the REST API and the CLI accept, so one validator judges all three.
/// </summary>
public sealed class LaunchForm
{
    /// <summary>
    /// This form's own idempotency key (with the spec's fingerprint): a double click, or a launch sent
    /// again after its answer was lost, returns the first search; a new form (after a launch, or
    /// "Start over") launches anew.
    /// </summary>
    public string LaunchKey { get; } = Guid.NewGuid().ToString("N");

    public string Name { get; set; } = "";
    /// <summary>The team to launch in; empty: the launcher's first team where they may launch.</summary>
    public string? Team { get; set; }
    public string Workload { get; set; } = "";
    public SearchStrategy Strategy { get; set; } = SearchStrategy.Tpe;
    public ObjectiveMetric Objective { get; set; } = ObjectiveMetric.ValLoss;
    public int Budget { get; set; } = 20;
    public int Parallelism { get; set; } = 2;
    public int Epochs { get; set; } = 10;
    public ScheduleUnit ScheduleUnit { get; set; } = ScheduleUnit.Epoch;
    /// <summary>Null: a random seed is drawn when the search is stored.</summary>
    public int? Seed { get; set; }
    public int GridPoints { get; set; } = 3;
    public string Pruner { get; set; } = "none";
    public int Priority { get; set; }

    public ParamRange InitialLr { get; set; } = ParamRange.Float("initialLr", 1e-4, 1, log: true);
    public List<DecayChoice> Decays { get; set; } = [];

    public bool UseWarmup { get; set; }
    public ParamRange WarmupSteps { get; set; } = ParamRange.Int("steps", 1, 5);
    /// <summary>Null: the space leaves it out (a clone of one that did); the core's default applies.</summary>
    public ParamRange? WarmupStartFactor { get; set; } = NewWarmupStartFactor();

    public bool UseOptimizer { get; set; }
    /// <summary>Null: the space leaves it out (a clone of one that did); the core's default applies.</summary>
    public ParamRange? OptimizerType { get; set; } = NewOptimizerType();
    /// <summary>Null: the space leaves it out (a clone of one that did); the core's default applies.</summary>
    public ParamRange? Momentum { get; set; } = NewMomentum();

    // A new form's ranges, and the ranges "Add a … range" puts back where a cloned space had none.
    public static ParamRange NewWarmupStartFactor() => ParamRange.Float("startFactor", 0.01, 0.5, log: true);
    public static ParamRange NewOptimizerType() => ParamRange.Choice("type", "sgd, adam");
    public static ParamRange NewMomentum() => ParamRange.Float("momentum", 0.0, 0.95);

    /// <summary>The space's <c>pbt</c> section, written only for the PBT strategy.</summary>
    public PbtForm Pbt { get; set; } = new();

    /// <summary>What a cloned spec holds that the form has no box for; written back as it was.</summary>
    public KeptSpecParts Kept { get; set; } = new();

    public IEnumerable<DecayChoice> IncludedDecays => Decays.Where(d => d.Included);

    /// <summary>
    /// After the epochs changed: decay types whose parameters still hold the defaults of the old run
    /// length get the new length's defaults (tMax, step sizes, … follow); edited ones are left alone.
    /// </summary>
    public void FollowEpochs(int previousEpochs)
    {
        foreach (var decay in Decays)
        {
            if (DecayFormDefaults.AreDefaults(decay, previousEpochs))
            {
                decay.Parameters.Clear();
                decay.Parameters.AddRange(DecayFormDefaults.Defaults(decay.Type, Epochs));
            }
        }
    }

    /// <summary>A new form with every decay type listed (cosine and step ticked) and defaults for the epochs.</summary>
    public static LaunchForm CreateDefault(string workload, int epochs = 10)
    {
        var form = new LaunchForm { Workload = workload, Epochs = epochs };
        form.Decays = DecayFormDefaults.CreateAll(epochs);
        foreach (var decay in form.Decays)
        {
            decay.Included = decay.Type is "cosine" or "step";
        }

        return form;
    }
}
