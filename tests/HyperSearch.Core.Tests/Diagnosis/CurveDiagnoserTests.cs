using HyperSearch.Core.Configuration;
using HyperSearch.Core.Diagnosis;
using HyperSearch.Core.Training;

namespace HyperSearch.Core.Tests.Diagnosis;

/// <summary>Synthetic curves of each kind (seeded noise), shaped like the textbook LR pictures.</summary>
public class CurveDiagnoserTests
{
    private const double Lr = 0.1;

    /// <summary>level·e^(−t/tau) + floor + Gaussian noise, epochs 1..n.</summary>
    private static double[] Exponential(int n, double level, double tau, double floor, double noise, int seed = 1)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n)
            .Select(t => floor + level * Math.Exp(-t / tau) + noise * Gaussian(rng))
            .ToArray();
    }

    /// <summary>Most of the drop in 3 epochs, then ±0.05 noise around 0.8 for the rest of 40 epochs.</summary>
    private static double[] FastDropThenNoisyPlateau(int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, 40).Select(t => 0.8 + 1.5 * Math.Exp(-t / 1.5) + 0.05 * Gaussian(rng)).ToArray();
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    public static TheoryData<int> Seeds => new() { 1, 2, 3, 4, 5 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Diagnose_ExponentialDecayToTheBest_Healthy(int seed)
    {
        var losses = Exponential(30, 2.0, 5, 0.3, 0.01, seed);

        var diagnosis = CurveDiagnoser.Diagnose(losses, Lr, referenceBestLoss: 0.3);

        Assert.Equal(CurveLabel.Healthy, diagnosis.Label);
        Assert.Contains("0.1", diagnosis.Hint);
    }

    [Fact]
    public void Diagnose_NaNLoss_DivergedWithTenTimesLowerLr()
    {
        double[] losses = [2.3, 1.9, 4.0, double.NaN];

        var diagnosis = CurveDiagnoser.Diagnose(losses, 0.5);

        Assert.Equal(CurveLabel.Diverged, diagnosis.Label);
        Assert.Equal("loss became NaN at epoch 4: initial LR is likely far too high: try ≤ 0.05", diagnosis.Hint);
    }

    [Fact]
    public void Diagnose_InfiniteLossOnFirstEpoch_Diverged()
    {
        var diagnosis = CurveDiagnoser.Diagnose([double.PositiveInfinity], 0.3);

        Assert.Equal(CurveLabel.Diverged, diagnosis.Label);
        Assert.Contains("try ≤ 0.03", diagnosis.Hint);
    }

    [Fact]
    public void Diagnose_LossExplodesWithoutNaN_Diverged()
    {
        double[] losses = [2.3, 2.0, 2.6, 5.1, 14.8, 60.2];

        var diagnosis = CurveDiagnoser.Diagnose(losses, Lr);

        Assert.Equal(CurveLabel.Diverged, diagnosis.Label);
        Assert.StartsWith("loss exploded to 14.8", diagnosis.Hint);
        Assert.EndsWith("try ≤ 0.01", diagnosis.Hint);
    }

    [Fact]
    public void Diagnose_LossRisesEarlyThenFalls_TooHigh()
    {
        double[] losses = [2.3, 2.7, 2.9, 2.4, 2.0, 1.7, 1.5, 1.4, 1.35, 1.3, 1.28, 1.27];

        var diagnosis = CurveDiagnoser.Diagnose(losses, Lr);

        Assert.Equal(CurveLabel.TooHigh, diagnosis.Label);
        Assert.Equal("loss rises early (peak 2.9 vs 2.3 at epoch 1): initial LR is likely too high: try ≤ 0.03", diagnosis.Hint);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Diagnose_LossOscillatesEarly_TooHigh(int seed)
    {
        var rng = new Random(seed);
        var losses = Enumerable.Range(0, 30)
            .Select(t => 2.0 - 0.02 * t + (t % 2 == 0 ? 0 : 0.15) + 0.02 * rng.NextDouble())
            .ToArray();

        var diagnosis = CurveDiagnoser.Diagnose(losses, 0.01);

        Assert.Equal(CurveLabel.TooHigh, diagnosis.Label);
        Assert.Contains("oscillates", diagnosis.Hint);
        Assert.EndsWith("try ≤ 0.003", diagnosis.Hint);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Diagnose_FastDropThenNoisyPlateauFarAboveBest_LateTooHigh(int seed)
    {
        var losses = FastDropThenNoisyPlateau(seed);

        var diagnosis = CurveDiagnoser.Diagnose(losses, Lr, referenceBestLoss: 0.35);

        Assert.Equal(CurveLabel.LateTooHigh, diagnosis.Label);
        Assert.Contains("above the best trial (0.35)", diagnosis.Hint);
        Assert.EndsWith("decay it to ≤ 0.01 by the end", diagnosis.Hint);
    }

    [Fact]
    public void Diagnose_NoisyPlateauNearTheBest_Healthy()
    {
        var losses = FastDropThenNoisyPlateau(seed: 7);

        var diagnosis = CurveDiagnoser.Diagnose(losses, Lr, referenceBestLoss: 0.78);

        Assert.Equal(CurveLabel.Healthy, diagnosis.Label);
    }

    [Fact]
    public void Diagnose_PlateauWithoutReference_NotLateTooHigh()
    {
        var losses = FastDropThenNoisyPlateau(seed: 7);

        Assert.NotEqual(CurveLabel.LateTooHigh, CurveDiagnoser.Diagnose(losses, Lr).Label);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Diagnose_SlowSteadyDecline_TooLow(int seed)
    {
        // Far from converged: e^(−t/200) over 30 epochs is almost a straight line.
        var losses = Exponential(30, 2.0, 200, 0.3, 0.002, seed);

        var diagnosis = CurveDiagnoser.Diagnose(losses, 0.001, referenceBestLoss: 0.3);

        Assert.Equal(CurveLabel.TooLow, diagnosis.Label);
        Assert.EndsWith("initial LR is likely too low: try ≥ 0.003", diagnosis.Hint);
    }

    [Fact]
    public void Diagnose_FlatCurve_TooLowWithTenTimesLr()
    {
        var losses = Enumerable.Range(0, 20).Select(t => 2.302 - 0.0001 * t).ToArray();

        var diagnosis = CurveDiagnoser.Diagnose(losses, 0.0002);

        Assert.Equal(CurveLabel.TooLow, diagnosis.Label);
        Assert.Equal("loss barely moved (0.1% in 20 epochs): initial LR is likely too low: try ≥ 0.002", diagnosis.Hint);
    }

    [Fact]
    public void Diagnose_PerfectlyFlatCurve_TooLowNotRisingEarly()
    {
        // A loss stuck at ln(10) to every printed digit: nothing rose, nothing moved.
        var losses = Enumerable.Repeat(2.302585, 12).ToArray();

        var diagnosis = CurveDiagnoser.Diagnose(losses, 0.0001);

        Assert.Equal(CurveLabel.TooLow, diagnosis.Label);
        Assert.Equal("loss barely moved (0.0% in 12 epochs): initial LR is likely too low: try ≥ 0.001", diagnosis.Hint);
    }

    [Fact]
    public void Diagnose_HeadEndsAboveEpochOneAfterSmallRise_TooHigh()
    {
        // Within 10% of epoch 1 at its peak, but the head ends no lower than it started.
        double[] losses = [2.0, 2.05, 2.1, 2.08, 2.0, 1.95, 1.9, 1.85, 1.8, 1.75, 1.7, 1.65];

        var diagnosis = CurveDiagnoser.Diagnose(losses, Lr);

        Assert.Equal(CurveLabel.TooHigh, diagnosis.Label);
        Assert.StartsWith("loss rises early (peak 2.1 vs 2 at epoch 1)", diagnosis.Hint);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Diagnose_TooFewEpochs_Unknown(int epochs)
    {
        var losses = Enumerable.Range(0, epochs).Select(t => 2.0 - 0.1 * t).ToArray();

        var diagnosis = CurveDiagnoser.Diagnose(losses, Lr);

        Assert.Equal(CurveLabel.Unknown, diagnosis.Label);
        Assert.Equal($"only {epochs} epoch(s) so far: need at least 5 to diagnose", diagnosis.Hint);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    public void Diagnose_InvalidInitialLr_Throws(double lr)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CurveDiagnoser.Diagnose([1, 0.9, 0.8, 0.7, 0.6], lr));
    }

    [Theory]
    [InlineData(0.07, "0.007")]
    [InlineData(0.3, "0.03")]
    [InlineData(1e-5, "1E-06")]
    public void Diagnose_DivergedHint_RoundsLrToOneSignificantDigit(double lr, string expected)
    {
        var diagnosis = CurveDiagnoser.Diagnose([double.NaN], lr);

        Assert.EndsWith($"try ≤ {expected}", diagnosis.Hint);
    }

    [Fact]
    public void Diagnose_EpochReports_UsesValLossInEpochOrderAndConfigLr()
    {
        // Reports out of order, a train loss that alone would look healthy: the val loss diverges.
        EpochReport[] epochs =
        [
            new(2, 1.5, double.NaN, 0.1, 0.2, 1),
            new(1, 2.0, 2.3, 0.1, 0.2, 1),
        ];
        var config = new TrialConfig { InitialLr = 0.2, Decay = new ConstantDecay() };

        var diagnosis = CurveDiagnoser.Diagnose(epochs, config);

        Assert.Equal(CurveLabel.Diverged, diagnosis.Label);
        Assert.Equal("loss became NaN at epoch 2: initial LR is likely far too high: try ≤ 0.02", diagnosis.Hint);
    }

    // Issue 31: the winning trial of a search carried a red "LR too high" for one spike at epoch 4.
    // A curve from the benchmark's held-out seeds (two-spirals, cosine, LR 0.29): one spike at epoch 3,
    // then the best loss of its group.
    private static readonly double[] OneSpike = [0.504, 0.265, 0.571, 0.213, 0.179, 0.102, 0.102, 0.0518, 0.0485, 0.0339, 0.0379, 0.0281, 0.0278, 0.0274, 0.0271];

    [Fact]
    public void Diagnose_OneSpikeEarlyThenSteadyFall_NotTooHigh()
    {
        var diagnosis = CurveDiagnoser.Diagnose(OneSpike, 0.29);

        Assert.NotEqual(CurveLabel.TooHigh, diagnosis.Label);
        Assert.NotEqual(CurveLabel.Diverged, diagnosis.Label);
    }

    [Theory]
    [InlineData(0.0271)] // the search's best is this very trial
    [InlineData(0.025)]  // within 10% of it
    public void Diagnose_UnsteadyButNearTheSearchsBest_HealthyWithAWordOnTheStart(double searchBest)
    {
        // Rises for two epochs (no single spike): red without a reference, but it reached the best.
        double[] losses = [0.5, 0.6, 0.65, 0.4, 0.2, 0.1, 0.06, 0.04, 0.035, 0.03, 0.029, 0.028, 0.0275, 0.0272, 0.0271];

        Assert.Equal(CurveLabel.TooHigh, CurveDiagnoser.Diagnose(losses, 0.29).Label);
        var diagnosis = CurveDiagnoser.Diagnose(losses, 0.29, referenceBestLoss: searchBest);

        Assert.Equal(CurveLabel.Healthy, diagnosis.Label);
        Assert.Contains("unsteady early", diagnosis.Hint);
    }

    [Fact]
    public void Diagnose_ExplodedThenRecoveredToTheSearchsBest_NotDiverged()
    {
        // synthetic-regression, cosine, LR 1.1 (benchmark seed 1): 9.7× epoch 1 at epoch 3, then the best MSE.
        double[] losses = [3.71, 10.6, 35.9, 0.233, 0.583, 0.781, 0.621, 0.0709, 0.0351, 0.0111, 0.0108, 0.0108, 0.0109, 0.0108, 0.0111];

        var diagnosis = CurveDiagnoser.Diagnose(losses, 1.1, referenceBestLoss: 0.0107);

        Assert.Equal(CurveLabel.Healthy, diagnosis.Label);
    }

    [Fact]
    public void Diagnose_SustainedExplosion_StillDiverged()
    {
        double[] losses = [0.7, 0.9, 3.5, 8.0, 12.0, 30.0, 25.0, 40.0];

        Assert.Equal(CurveLabel.Diverged, CurveDiagnoser.Diagnose(losses, 2.0, referenceBestLoss: 0.1).Label);
    }

    [Fact]
    public void Diagnose_NanEvenNearTheBest_Diverged()
    {
        double[] losses = [0.7, 0.3, 0.1, 0.05, double.NaN];

        Assert.Equal(CurveLabel.Diverged, CurveDiagnoser.Diagnose(losses, 0.5, referenceBestLoss: 0.05).Label);
    }

    [Fact]
    public void Diagnose_TailClimbingAwayFromAnEarlierMinimum_OverfittingNotLateTooHigh()
    {
        // fashion-mlp, constant LR 0.033 (benchmark seed 1): the validation loss rises again late.
        double[] losses = [0.562, 0.503, 0.444, 0.427, 0.459, 0.394, 0.448, 0.416, 0.426, 0.446, 0.47, 0.447, 0.456, 0.494, 0.493];

        Assert.NotEqual(CurveLabel.LateTooHigh, CurveDiagnoser.Diagnose(losses, 0.033, referenceBestLoss: 0.35).Label);
    }
}
