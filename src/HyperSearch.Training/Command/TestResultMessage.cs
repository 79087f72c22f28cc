namespace HyperSearch.Training.Command;

/// <summary><c>{"testLoss": …, "testAccuracy": …}</c>: the held-out test set, evaluated once after the last epoch when the trial file asks for it.</summary>
public sealed record TestResultMessage(double TestLoss, double TestAccuracy) : ProgramMessage;
