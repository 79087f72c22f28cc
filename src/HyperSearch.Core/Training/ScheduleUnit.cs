namespace HyperSearch.Core.Training;

/// <summary>What one scheduler step is.</summary>
public enum ScheduleUnit
{
    Epoch,
    Batch,
}
