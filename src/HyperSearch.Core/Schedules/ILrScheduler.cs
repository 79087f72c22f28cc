namespace HyperSearch.Core.Schedules;

/// <summary>
/// A stateful LR schedule that mirrors a PyTorch scheduler driving an SGD optimizer created with
/// lr = initialLr: read <see cref="CurrentLr"/> before <c>optimizer.step()</c>, then call
/// <see cref="Step"/> as one would call <c>scheduler.step()</c>.
/// </summary>
public interface ILrScheduler
{
    double CurrentLr { get; }

    /// <param name="metric">The validation metric; required by reduceOnPlateau, ignored otherwise.</param>
    void Step(double? metric = null);
}
