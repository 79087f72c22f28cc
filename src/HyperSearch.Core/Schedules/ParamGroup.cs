namespace HyperSearch.Core.Schedules;

/// <summary>
/// The one parameter group of the optimizer that PyTorch's schedulers read and write
/// (<c>optimizer.param_groups[0]</c>). Schedulers of a warmup composition share it, because
/// PyTorch's chainable schedulers multiply whatever LR the previous scheduler left there.
/// </summary>
internal sealed class ParamGroup(double lr)
{
    /// <summary><c>group['lr']</c>: what the optimizer uses for the next step.</summary>
    public double Lr { get; set; } = lr;

    /// <summary><c>group['initial_lr']</c>: set once by the first scheduler (OneCycleLR overwrites it).</summary>
    public double? InitialLr { get; set; }
}
