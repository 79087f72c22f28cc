namespace HyperSearch.Training.Trainer;

/// <summary>The parts of one training step, in the order <see cref="TrainingSession.TrainBatch"/> runs them.</summary>
internal enum StepPhase
{
    Setup,
    ZeroGrad,
    Forward,
    Loss,
    Backward,
    Clip,
    OptimizerStep,
    ReadLoss,
    Dispose,
}
