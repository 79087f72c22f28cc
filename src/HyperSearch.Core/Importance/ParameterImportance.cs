namespace HyperSearch.Core.Importance;

/// <summary>
/// One parameter's share of the objective's variance. <see cref="Importance"/> is normalised over
/// the parameters (sums to 1 when anything is explained); <see cref="Explained"/> is the fraction of
/// the total variance its main effect accounts for; <see cref="Trials"/> how many trials have it
/// (decay parameters exist only in their branch).
/// </summary>
public sealed record ParameterImportance(string Parameter, double Importance, double Explained, int Trials);

/// <summary>
/// Importances over <see cref="Trials"/> finished trials with a finite objective, most important
/// first. Empty with a <see cref="Note"/> when there are too few trials to say anything.
/// </summary>
public sealed record ImportanceReport(int Trials, IReadOnlyList<ParameterImportance> Parameters, string? Note);
