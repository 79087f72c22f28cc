namespace HyperSearch.Data.Entities;

/// <summary>
/// One epoch of one trial, unique per (TrialId, Epoch). Metric columns are nullable only because
/// SQLite cannot hold NaN (it would store NULL): NULL reads back as NaN; PostgreSQL stores NaN and
/// ±Infinity natively, SQLite stores ±Infinity natively.
/// </summary>
public sealed class EpochMetricEntity
{
    public long Id { get; set; }
    public long TrialId { get; set; }
    public int Epoch { get; set; }
    public double? TrainLoss { get; set; }
    public double? ValLoss { get; set; }
    public double? ValAccuracy { get; set; }
    public double? Lr { get; set; }
    public double ElapsedSeconds { get; set; }
    /// <summary>The attempt that wrote the row (a retry overwrites the epochs it re-reports).</summary>
    public int Attempt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
